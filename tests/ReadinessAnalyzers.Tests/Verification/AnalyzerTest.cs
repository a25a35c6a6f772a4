using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace ReadinessAnalyzers.Tests.Verification;

/// <summary>Whether compiler errors in the test code fail the test.</summary>
public enum CompilerDiagnostics
{
    /// <summary>Any compiler error fails the test: the snippet must be valid C#.</summary>
    Errors,

    /// <summary>The test feeds broken or half-typed code on purpose; only the analyzer's behaviour is checked.</summary>
    None,
}

/// <summary>
/// One analyzer test: sources and additional files with markup, .editorconfig text, expected diagnostics.
/// Fails on unexpected compiler errors, on any exception an analyzer throws (AD0001), on a missing or unexpected
/// diagnostic, and on a Secrets diagnostic whose message repeats the secret it reports.
/// </summary>
public sealed class AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Usings a web project gets from the SDK, so snippets stay short.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    /// <summary>The global usings file every snippet gets: <see cref="GlobalUsings"/> (the web SDK's), fewer for a test that needs fewer imports, "" for a project without implicit usings.</summary>
    public string ImplicitUsings { get; set; } = GlobalUsings;

    public string TestCode
    {
        set => Sources.Insert(0, ("/0/Test0.cs", value));
    }

    /// <summary>C# files (path, markup).</summary>
    public List<(string Path, string Markup)> Sources { get; } = [];

    /// <summary>AdditionalFiles (path, markup): appsettings*.json, Dockerfile, .env …</summary>
    public List<(string Path, string Markup)> AdditionalFiles { get; } = [];

    /// <summary>.editorconfig or .globalconfig files (path, text); an .editorconfig at "/.editorconfig" covers every file.</summary>
    public List<(string Path, string Text)> AnalyzerConfigFiles { get; } = [];

    public List<DiagnosticResult> ExpectedDiagnostics { get; } = [];

    public CompilerDiagnostics CompilerDiagnostics { get; set; } = CompilerDiagnostics.Errors;

    /// <summary>The compiled assembly's name; names ending in ".Tests" make a test project.</summary>
    public string AssemblyName { get; set; } = "SampleApp";

    /// <summary>
    /// What the snippet compiles against: <see cref="TestReferences.WithoutPackages"/> for an unrestored checkout (the
    /// shared frameworks only), <see cref="TestReferences.Without"/> for one package missing, or more (<see cref="TestReferences.Stub"/>).
    /// With fewer references than the default, code that does not bind is expected: compiler errors are not checked.
    /// </summary>
    public ImmutableArray<MetadataReference> References { get; set; } = TestReferences.Default;

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Preview;

    /// <summary>Referenced projects compiled from source (assembly name, C# without markup), as the audit and the IDE reference them.</summary>
    public List<(string AssemblyName, string Source)> ReferencedProjects { get; } = [];


    /// <summary>The output kind; by default an executable when a file has top-level statements, else a library.</summary>
    public OutputKind? OutputKind { get; set; }

    public string EditorConfig
    {
        set => AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + value));
    }

    /// <summary>Runs the analyzer and checks the diagnostics against the markup and <see cref="ExpectedDiagnostics"/>.</summary>
    public async Task RunAsync()
    {
        var run = await ExecuteAsync();
        var expected = BuildExpected(run);
        var actual = run.Diagnostics;

        var missing = expected.Where(e => !actual.Any(a => Matches(e, a))).ToList();
        var unexpected = actual.Where(a => !expected.Any(e => Matches(e, a))).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            var message = new StringBuilder();
            message.AppendLine("Diagnostics differ from the expected ones.");
            foreach (var m in missing)
            {
                message.AppendLine($"  missing:    {m.Describe()}");
            }

            foreach (var u in unexpected)
            {
                message.AppendLine($"  unexpected: {Describe(u)}");
            }

            message.AppendLine("All actual diagnostics:");
            foreach (var a in actual)
            {
                message.AppendLine($"  {Describe(a)}");
            }

            throw new XunitException(message.ToString());
        }

        foreach (var e in expected)
        {
            var diagnostic = actual.First(a => Matches(e, a));
            var text = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (e.Result?.MessageContains is { } contains && !text.Contains(contains, StringComparison.Ordinal))
            {
                throw new XunitException($"Message of {Describe(diagnostic)} does not contain '{contains}'.");
            }

            if (e.Result?.MessageDoesNotContain is { } notContains && text.Contains(notContains, StringComparison.Ordinal))
            {
                throw new XunitException($"Message of {Describe(diagnostic)} contains '{notContains}'.");
            }

            if (e.Result?.Severity is { } severity && diagnostic.Severity != severity)
            {
                throw new XunitException($"{Describe(diagnostic)} has severity {diagnostic.Severity}, expected {severity}.");
            }
        }
    }

    /// <summary>Runs the analyzer and returns its diagnostics (markup is stripped, not checked).</summary>
    public async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync() => (await ExecuteAsync()).Diagnostics;

    private sealed record Run(ImmutableArray<Diagnostic> Diagnostics, Dictionary<string, (SourceText Text, IReadOnlyList<MarkedSpan> Spans)> Files, TAnalyzer Analyzer);

    private sealed record Expected(string Id, string? Path, TextSpan? Span, int? Line, DiagnosticResult? Result)
    {
        public string Describe() => Span is { } s ? $"{Id} at {Path} {s}" : Line is { } l ? $"{Id} at {Path} line {l}" : $"{Id} (no location)";
    }

    private async Task<Run> ExecuteAsync()
    {
        var analyzer = new TAnalyzer();
        var files = new Dictionary<string, (SourceText Text, IReadOnlyList<MarkedSpan> Spans)>(StringComparer.Ordinal);
        var parseOptions = new CSharpParseOptions(LanguageVersion, DocumentationMode.Diagnose);

        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, "/0/GlobalUsings.g.cs", Encoding.UTF8),
        };

        foreach (var (path, markup) in Sources)
        {
            var (text, spans) = Markup.Parse(markup);
            var sourceText = SourceText.From(text, Encoding.UTF8);
            files[path] = (sourceText, spans);
            trees.Add(CSharpSyntaxTree.ParseText(sourceText, parseOptions, path));
        }

        var additional = new List<AdditionalText>();
        foreach (var (path, markup) in AdditionalFiles)
        {
            var (text, spans) = Markup.Parse(markup);
            files[path] = (SourceText.From(text), spans);
            additional.Add(new InMemoryAdditionalText(path, text));
        }

        var config = new TestConfigOptionsProvider(AnalyzerConfigFiles);
        var hasTopLevelStatements = trees.Any(t => t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var compilationOptions = new CSharpCompilationOptions(
                OutputKind ?? (hasTopLevelStatements ? Microsoft.CodeAnalysis.OutputKind.ConsoleApplication : Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary),
                nullableContextOptions: NullableContextOptions.Enable)
            .WithSyntaxTreeOptionsProvider(new TestSyntaxTreeOptionsProvider(config))
            .WithSpecificDiagnosticOptions(config.GlobalSeverities);

        var references = References;
        foreach (var (name, source) in ReferencedProjects)
        {
            var projectTrees = new[]
            {
                CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, $"/{name}/GlobalUsings.g.cs", Encoding.UTF8),
                CSharpSyntaxTree.ParseText(source, parseOptions, $"/{name}/{name}.cs", Encoding.UTF8),
            };
            var project = CSharpCompilation.Create(name, projectTrees, references, new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            references = references.Add(project.ToMetadataReference());
        }

        var compilation = CSharpCompilation.Create(AssemblyName, trees, references, compilationOptions);

        if (CompilerDiagnostics == CompilerDiagnostics.Errors && References.Length >= TestReferences.Default.Length)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new XunitException("The test code does not compile (set CompilerDiagnostics = None for broken code on purpose):\n  "
                    + string.Join("\n  ", errors.Select(e => e.ToString())));
            }
        }

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([.. additional], config),
            (exception, failing, _) => { lock (exceptions) { exceptions.Add($"{failing.GetType().Name}: {exception}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);

        var withAnalyzers = compilation.WithAnalyzers([analyzer], options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()).Concat(exceptions).ToList();
        if (crashes.Count > 0)
        {
            throw new XunitException("The analyzer threw (users would see AD0001 and lose the rule):\n" + string.Join("\n", crashes));
        }

        var sorted = diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();

        AssertSecretsAreMasked(sorted, files);
        return new Run(sorted, files, analyzer);
    }

    private List<Expected> BuildExpected(Run run)
    {
        var expected = new List<Expected>();
        var supported = run.Analyzer.SupportedDiagnostics;
        foreach (var (path, (_, spans)) in run.Files)
        {
            foreach (var span in spans.Where(s => s.LocationIndex is null))
            {
                var id = span.DiagnosticId;
                if (id is null)
                {
                    if (supported.Length != 1)
                    {
                        throw new InvalidOperationException($"'[|…|]' needs an analyzer with one rule; {typeof(TAnalyzer).Name} has {supported.Length}: write '{{|ID:…|}}'.");
                    }

                    id = supported[0].Id;
                }

                expected.Add(new Expected(id, path, span.Span, null, null));
            }
        }

        foreach (var result in ExpectedDiagnostics)
        {
            if (result.LocationIndex is { } index)
            {
                var (path, span) = run.Files
                    .SelectMany(f => f.Value.Spans.Where(s => s.LocationIndex == index).Select(s => (f.Key, s.Span)))
                    .Single();
                expected.Add(new Expected(result.Id, path, span, null, result));
            }
            else
            {
                expected.Add(new Expected(result.Id, result.FilePath, null, result.Line, result));
            }
        }

        return expected;
    }

    private static bool Matches(Expected expected, Diagnostic actual)
    {
        if (expected.Id != actual.Id)
        {
            return false;
        }

        var lineSpan = actual.Location.GetLineSpan();
        if (expected.Span is { } span)
        {
            return actual.Location.Kind != LocationKind.None && lineSpan.Path == expected.Path && actual.Location.SourceSpan == span;
        }

        if (expected.Line is { } line)
        {
            return lineSpan.Path == expected.Path && lineSpan.StartLinePosition.Line + 1 == line;
        }

        return actual.Location.Kind == LocationKind.None;
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var lineSpan = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} at {lineSpan.Path} {diagnostic.Location.SourceSpan} (line {lineSpan.StartLinePosition.Line + 1}): {diagnostic.GetMessage()}";
    }

    /// <summary>A reported secret is never printed whole: no Secrets message may contain a literal it points at.</summary>
    private static void AssertSecretsAreMasked(ImmutableArray<Diagnostic> diagnostics, Dictionary<string, (SourceText Text, IReadOnlyList<MarkedSpan> Spans)> files)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Descriptor.Category != RuleCategories.Secrets && diagnostic.Id != "RDY4004" /* a credential written to a log */)
            {
                continue;
            }

            var message = diagnostic.GetMessage();
            foreach (var value in SecretCandidates(diagnostic, files))
            {
                if (value.Length >= 6 && message.Contains(value, StringComparison.Ordinal))
                {
                    throw new XunitException($"{diagnostic.Id} prints the secret it reports: {message}");
                }
            }
        }
    }

    private static IEnumerable<string> SecretCandidates(Diagnostic diagnostic, Dictionary<string, (SourceText Text, IReadOnlyList<MarkedSpan> Spans)> files)
    {
        var location = diagnostic.Location;
        if (location.IsInSource)
        {
            var root = location.SourceTree!.GetRoot();
            foreach (var token in root.DescendantTokens(location.SourceSpan))
            {
                if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                {
                    yield return token.ValueText;
                }
            }
        }
        else if (location.Kind == LocationKind.ExternalFile && files.TryGetValue(location.GetLineSpan().Path, out var file)
            && location.SourceSpan.End <= file.Text.Length)
        {
            yield return file.Text.ToString(location.SourceSpan).Trim('"', '\'', ' ');
        }
    }
}

/// <summary>The short form most tests use.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer> { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Broken or half-typed code: compiler errors are expected; the analyzer must not throw.</summary>
    public static Task VerifyBrokenCodeAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer> { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

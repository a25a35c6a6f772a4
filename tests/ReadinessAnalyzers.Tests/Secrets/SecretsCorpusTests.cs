using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Secrets;
using ReadinessAnalyzers.Tests.Catalog;
using ReadinessAnalyzers.Tests.Verification;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Secrets;

/// <summary>
/// Runs every Secrets analyzer over the labelled corpus (Corpus/README.md): precision and recall per line, and no
/// message that repeats a planted secret.
/// </summary>
public class SecretsCorpusTests(ITestOutputHelper output)
{
    private const double Target = 0.95;

    private static readonly Regex Label = new(@"(//|#|<!--)\s*SECRET\b", RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private static readonly Regex Values = new(@"""([^""]{8,})""|[=:]\s?([^\s""#;<>]{8,})", RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private static readonly Dictionary<string, string> Markers = new(StringComparer.Ordinal)
    {
        ["github-pat"] = FakeTokens.GitHubPat(1),
        ["github-pat-2"] = FakeTokens.GitHubPat(11),
        ["github-bad-checksum"] = FakeTokens.GitHubPatWithBadChecksum(21),
        ["aws-key"] = FakeTokens.AwsAccessKeyId(2),
        ["aws-key-2"] = FakeTokens.AwsAccessKeyId(12),
        ["stripe"] = FakeTokens.StripeLiveKey(3),
        ["slack"] = FakeTokens.SlackBotToken(4),
        ["sendgrid"] = FakeTokens.SendGridKey(5),
        ["jwt"] = FakeTokens.Jwt(7),
        ["pem-escaped"] = FakeTokens.PrivateKeyPem(6).Replace("\n", "\\n", StringComparison.Ordinal),
    };

    [Fact]
    public async Task PrecisionAndRecallOnTheLabelledCorpusAreAtLeast95Percent()
    {
        var corpus = await AnalyzeCorpusAsync();
        var expected = corpus.Files.SelectMany(f => f.Value.Lines.Select((text, i) => (f.Key, Line: i + 1, text)))
            .Where(l => Label.IsMatch(l.text))
            .Select(l => (l.Key, l.Line))
            .ToHashSet();
        var actual = corpus.Diagnostics.Select(d => (d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line + 1)).ToHashSet();

        var truePositives = expected.Intersect(actual).Count();
        var falsePositives = actual.Except(expected).OrderBy(x => x).ToList();
        var falseNegatives = expected.Except(actual).OrderBy(x => x).ToList();
        var precision = actual.Count == 0 ? 0 : (double)truePositives / actual.Count;
        var recall = expected.Count == 0 ? 0 : (double)truePositives / expected.Count;

        output.WriteLine($"Corpus: {corpus.Files.Count} files, {corpus.Files.Sum(f => f.Value.Lines.Length)} lines, {expected.Count} labelled secrets");
        output.WriteLine($"Diagnostics: {corpus.Diagnostics.Length} on {actual.Count} lines ("
            + string.Join(", ", corpus.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")) + ")");
        output.WriteLine($"Precision: {precision:F3} ({truePositives}/{actual.Count})   Recall: {recall:F3} ({truePositives}/{expected.Count})");
        foreach (var (path, line) in falsePositives)
        {
            output.WriteLine($"  false positive: {path}:{line}: " + string.Join(" | ", corpus.Diagnostics.Where(d => d.Location.GetLineSpan().Path == path
                && d.Location.GetLineSpan().StartLinePosition.Line + 1 == line).Select(d => d.Id + " " + d.GetMessage())));
        }

        foreach (var (path, line) in falseNegatives)
        {
            output.WriteLine($"  false negative: {path}:{line}: {corpus.Files[path].Lines[line - 1].Trim()}");
        }

        Assert.True(precision >= Target && recall >= Target, $"precision {precision:F3}, recall {recall:F3}; see the test output");
    }

    [Fact]
    public async Task NoMessageOnTheCorpusContainsAPlantedSecret()
    {
        var corpus = await AnalyzeCorpusAsync();
        var planted = new HashSet<string>(Markers.Values, StringComparer.Ordinal);
        foreach (var diagnostic in corpus.Diagnostics)
        {
            var text = corpus.Files[diagnostic.Location.GetLineSpan().Path].Text;
            planted.Add(text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).Trim('"', '\''));
        }

        // Every value on a labelled line (quoted, or after '=' / ': '), whether or not a rule found it.
        foreach (var file in corpus.Files.Values)
        {
            foreach (var line in file.Lines.Where(l => Label.IsMatch(l)))
            {
                foreach (Match value in Values.Matches(line))
                {
                    var text = value.Groups[1].Success ? value.Groups[1].Value : value.Groups[2].Value;
                    foreach (var part in text.Split(';'))
                    {
                        var candidate = part.Contains('=') ? part[(part.IndexOf('=') + 1)..] : part;
                        // Names such as HMACSHA256 or orders-api are not secrets; a secret here has lower case and digits.
                        if (candidate.Length >= 8 && candidate.Any(char.IsLower) && candidate.Any(char.IsDigit))
                        {
                            planted.Add(candidate);
                        }
                    }
                }
            }
        }

        Assert.NotEmpty(corpus.Diagnostics);
        foreach (var diagnostic in corpus.Diagnostics)
        {
            var message = diagnostic.GetMessage();
            var leaked = planted.Where(p => p.Length >= 6 && message.Contains(p, StringComparison.Ordinal)).ToList();
            Assert.True(leaked.Count == 0, $"{diagnostic.Id} message repeats a planted secret ({string.Join(", ", leaked)}): {message}");
        }
    }

    private sealed record CorpusFile(string Text, string[] Lines);

    private sealed record CorpusRun(Dictionary<string, CorpusFile> Files, ImmutableArray<Diagnostic> Diagnostics);

    private static async Task<CorpusRun> AnalyzeCorpusAsync()
    {
        var root = Path.Combine(RepositoryRoot.Path, "tests", "ReadinessAnalyzers.Tests", "Secrets", "Corpus");
        var files = new Dictionary<string, CorpusFile>(StringComparer.Ordinal);
        var app = await AnalyzeProjectAsync(Path.Combine(root, "App"), "/corpus/src/Orders.Api/", isTestProject: false, files);
        var tests = await AnalyzeProjectAsync(Path.Combine(root, "Tests"), "/corpus/tests/Orders.Tests/", isTestProject: true, files);
        return new CorpusRun(files, app.AddRange(tests));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeProjectAsync(string folder, string virtualRoot, bool isTestProject, Dictionary<string, CorpusFile> files)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(AnalyzerTest<HardcodedCredentialAnalyzer>.GlobalUsings, parseOptions, "/corpus/GlobalUsings.g.cs") };
        var additional = new List<AdditionalText>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var text = Substitute(await File.ReadAllTextAsync(path));
            if (relative.EndsWith(".cs.txt", StringComparison.Ordinal))
            {
                var virtualPath = virtualRoot + relative[..^4];
                files[virtualPath] = new CorpusFile(text, text.Split('\n'));
                trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, virtualPath, Encoding.UTF8));
            }
            else
            {
                var virtualPath = virtualRoot + relative;
                files[virtualPath] = new CorpusFile(text, text.Split('\n'));
                additional.Add(new InMemoryAdditionalText(virtualPath, text));
            }
        }

        var configFiles = new List<(string, string)>();
        if (isTestProject)
        {
            configFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        }

        var config = new TestConfigOptionsProvider(configFiles);
        var compilation = CSharpCompilation.Create(
            isTestProject ? "Orders.Tests" : "Orders.Api",
            trees,
            TestReferences.Default,
            new CSharpCompilationOptions(isTestProject ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The corpus does not compile:\n" + string.Join("\n", errors));

        var exceptions = new List<string>();
        var analyzers = RuleCatalog.Analyzers.Where(a => a.GetType().Namespace == typeof(HardcodedCredentialAnalyzer).Namespace).ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([.. additional], config),
            (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {exception}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.True(exceptions.Count == 0 && !diagnostics.Any(d => d.Id == "AD0001"), "An analyzer threw:\n" + string.Join("\n", exceptions));
        return diagnostics.Where(d => d.Descriptor.Category == RuleCategories.Secrets).ToImmutableArray();
    }

    private static string Substitute(string text)
    {
        foreach (var (name, value) in Markers)
        {
            text = text.Replace("@@" + name + "@@", value, StringComparison.Ordinal);
        }

        return text;
    }
}

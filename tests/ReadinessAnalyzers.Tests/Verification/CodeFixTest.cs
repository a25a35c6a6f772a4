using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace ReadinessAnalyzers.Tests.Verification;

/// <summary>
/// One code-fix test, in the manner of Microsoft.CodeAnalysis.Testing: the sources before (markup marks the
/// diagnostics the analyzer must report) and after (markup marks the diagnostics that must remain).
/// <para>
/// The fix is applied in a real <see cref="AdhocWorkspace"/> four ways — one diagnostic at a time, and Fix All in
/// document, project and solution — and each way must reach exactly the fixed sources and additional files.
/// The fixed project must compile without errors and the analyzer must report exactly the remaining markup.
/// </para>
/// </summary>
public sealed class CodeFixTest<TAnalyzer, TFixer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    /// <summary>The global usings file every snippet gets; the web SDK's usings unless a test needs fewer imports.</summary>
    public string ImplicitUsings { get; set; } = AnalyzerTest<TAnalyzer>.GlobalUsings;

    public string TestCode
    {
        set => Sources.Insert(0, ("/0/Test0.cs", value));
    }

    public string FixedCode
    {
        set => FixedSources.Insert(0, ("/0/Test0.cs", value));
    }

    /// <summary>C# files before the fix (path, markup).</summary>
    public List<(string Path, string Markup)> Sources { get; } = [];

    /// <summary>C# files after the fix; by default the same paths as <see cref="Sources"/>, in the same order.</summary>
    public List<(string Path, string Markup)> FixedSources { get; } = [];

    /// <summary>AdditionalFiles before the fix (appsettings.json …).</summary>
    public List<(string Path, string Markup)> AdditionalFiles { get; } = [];

    /// <summary>AdditionalFiles after the fix; when empty, the additional files must come out unchanged.</summary>
    public List<(string Path, string Markup)> FixedAdditionalFiles { get; } = [];

    public List<(string Path, string Text)> AnalyzerConfigFiles { get; } = [];

    public string EditorConfig
    {
        set => AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + value));
    }

    /// <summary>The code action to apply when a diagnostic offers several: its equivalence key.</summary>
    public string? CodeActionEquivalenceKey { get; set; }

    /// <summary>Fix All runs in these scopes; a fixer without a Fix All provider fails the test.</summary>
    public FixAllScope[] FixAllScopes { get; set; } = [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

    /// <summary>
    /// When true, one Fix All must fix everything in its scope: a Fix All that leaves a fixable diagnostic for a second
    /// invocation fails (by default the rounds repeat until nothing is left, which hides that). Off by default.
    /// </summary>
    public bool FixAllInOnePass { get; set; }

    public string AssemblyName { get; set; } = "SampleApp";

    public OutputKind? OutputKind { get; set; }

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Preview;

    /// <summary>
    /// <see cref="CompilerDiagnostics.None"/> for broken or half-typed code: the errors already there may stay, but the
    /// fix must not add one.
    /// </summary>
    public CompilerDiagnostics CompilerDiagnostics { get; set; } = CompilerDiagnostics.Errors;

    /// <summary>
    /// When true, the fix must not add a compiler warning either (nullable warnings such as CS8604 included): a project
    /// that treats warnings as errors must still build after the fix.
    /// </summary>
    public bool NoNewCompilerWarnings { get; set; }

    /// <summary>Before and after, the analyzer's diagnostics must match the markup; then the fix is applied every way.</summary>
    public async Task RunAsync()
    {
        if (FixedSources.Count == 0)
        {
            throw new InvalidOperationException("A code-fix test needs FixedCode (or FixedSources).");
        }

        if (FixedSources.Count != Sources.Count)
        {
            throw new InvalidOperationException("FixedSources must list the same files as Sources.");
        }

        await AnalyzerTestFor(Sources, AdditionalFiles, CompilerDiagnostics).RunAsync();

        var fixedAdditional = FixedAdditionalFiles.Count > 0 ? FixedAdditionalFiles : AdditionalFiles;
        await AnalyzerTestFor(FixedSources, fixedAdditional, CompilerDiagnostics).RunAsync();

        var expectedSources = FixedSources.Select(f => (f.Path, Markup.Parse(f.Markup).Text)).ToList();
        var expectedAdditional = fixedAdditional.Select(f => (f.Path, Markup.Parse(f.Markup).Text)).ToList();

        var errorsBefore = await CompilerErrorsAsync(CreateSolution(), NoNewCompilerWarnings);
        var oneByOne = await FixOneAtATimeAsync(CreateSolution());
        await AssertSolutionAsync("one diagnostic at a time", oneByOne, expectedSources, expectedAdditional, errorsBefore);

        foreach (var scope in FixAllScopes)
        {
            var fixedAll = await FixAllAsync(CreateSolution(), scope);
            await AssertSolutionAsync($"Fix All in {scope}", fixedAll, expectedSources, expectedAdditional, errorsBefore);
        }

        if (CodeActionEquivalenceKey is null && FixAllScopes.Contains(FixAllScope.Solution))
        {
            var formatted = await FixAllAsDotnetFormatDoesAsync(CreateSolution());
            await AssertSolutionAsync("dotnet format's Fix All", formatted, expectedSources, expectedAdditional, errorsBefore);
        }
    }

    /// <summary>
    /// What <c>dotnet format analyzers --diagnostics</c> does: per diagnostic ID, one Fix All in the solution, asked with
    /// the key of the first action of the first diagnostic it finds, or with no key when that diagnostic has no fix.
    /// The first diagnostic here is one without a fix whenever there is one: the case that must still fix the others.
    /// </summary>
    private async Task<Solution> FixAllAsDotnetFormatDoesAsync(Solution solution)
    {
        var fixer = new TFixer();
        var provider = fixer.GetFixAllProvider()!;
        foreach (var id in fixer.FixableDiagnosticIds)
        {
            var diagnostics = (await GetFixableDiagnosticsAsync(solution, fixer)).Where(d => d.Id == id).ToList();
            if (diagnostics.Count == 0)
            {
                continue;
            }

            Diagnostic? first = null;
            var anyFix = false;
            foreach (var diagnostic in diagnostics)
            {
                var offered = (await GetActionsAsync(solution, fixer, diagnostic)).Count > 0;
                anyFix |= offered;
                if (!offered)
                {
                    first ??= diagnostic;
                }
            }

            first ??= diagnostics[0];
            var key = (await GetActionsAsync(solution, fixer, first)).FirstOrDefault()?.EquivalenceKey;
            var context = new FixAllContext(
                solution.GetDocument(first.Location.SourceTree)!, fixer, FixAllScope.Solution, key!, [id],
                new AnalyzerDiagnosticProvider(), CancellationToken.None);
            var fixAll = await provider.GetFixAsync(context);
            if (fixAll is null)
            {
                if (anyFix)
                {
                    throw new XunitException($"dotnet format's Fix All for {id} (key '{key ?? "null"}', from {first}) returned no action.");
                }

                continue;
            }

            solution = await ApplyAsync(fixAll, solution);
        }

        return solution;
    }

    /// <summary>Checks that no code action is offered for any diagnostic the analyzer reports.</summary>
    public async Task RunNoFixAsync()
    {
        await AnalyzerTestFor(Sources, AdditionalFiles, CompilerDiagnostics).RunAsync();
        var solution = CreateSolution();
        var fixer = new TFixer();
        var diagnostics = await GetFixableDiagnosticsAsync(solution, fixer);
        if (diagnostics.IsEmpty)
        {
            throw new XunitException("The analyzer reported nothing the fixer could be asked about.");
        }

        foreach (var diagnostic in diagnostics)
        {
            var actions = await GetActionsAsync(solution, fixer, diagnostic);
            if (actions.Count > 0)
            {
                throw new XunitException($"Expected no fix for {diagnostic}, got: {string.Join(", ", actions.Select(a => a.Title))}");
            }
        }
    }

    private AnalyzerTest<TAnalyzer> AnalyzerTestFor(
        List<(string Path, string Markup)> sources, List<(string Path, string Markup)> additional, CompilerDiagnostics compilerDiagnostics)
    {
        var test = new AnalyzerTest<TAnalyzer>
        {
            AssemblyName = AssemblyName,
            OutputKind = OutputKind,
            LanguageVersion = LanguageVersion,
            CompilerDiagnostics = compilerDiagnostics,
            ImplicitUsings = ImplicitUsings,
        };
        test.Sources.AddRange(sources);
        test.AdditionalFiles.AddRange(additional);
        test.AnalyzerConfigFiles.AddRange(AnalyzerConfigFiles);
        return test;
    }

    private Solution CreateSolution()
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var parseOptions = new CSharpParseOptions(LanguageVersion, DocumentationMode.Diagnose);
        var hasTopLevelStatements = Sources.Any(s =>
            CSharpSyntaxTree.ParseText(Markup.Parse(s.Markup).Text, parseOptions).GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var compilationOptions = new CSharpCompilationOptions(
            OutputKind ?? (hasTopLevelStatements ? Microsoft.CodeAnalysis.OutputKind.ConsoleApplication : Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary),
            nullableContextOptions: NullableContextOptions.Enable);

        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Default, AssemblyName, AssemblyName, LanguageNames.CSharp,
                filePath: "/0/" + AssemblyName + ".csproj",
                compilationOptions: compilationOptions,
                parseOptions: parseOptions,
                metadataReferences: TestReferences.Default));

        solution = AddDocument(solution, projectId, "/0/GlobalUsings.g.cs", ImplicitUsings);

        foreach (var (path, markup) in Sources)
        {
            solution = AddDocument(solution, projectId, path, Markup.Parse(markup).Text);
        }

        foreach (var (path, markup) in AdditionalFiles)
        {
            solution = solution.AddAdditionalDocument(
                DocumentInfo.Create(DocumentId.CreateNewId(projectId), Path.GetFileName(path), filePath: path,
                    loader: TextLoader.From(TextAndVersion.Create(SourceText.From(Markup.Parse(markup).Text), VersionStamp.Default))));
        }

        foreach (var (path, text) in AnalyzerConfigFiles)
        {
            solution = solution.AddAnalyzerConfigDocuments([
                DocumentInfo.Create(DocumentId.CreateNewId(projectId), Path.GetFileName(path), filePath: path,
                    loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text), VersionStamp.Default)))]);
        }

        return solution;
    }

    private static Solution AddDocument(Solution solution, ProjectId projectId, string path, string text)
        => solution.AddDocument(DocumentInfo.Create(
            DocumentId.CreateNewId(projectId), Path.GetFileName(path), filePath: path,
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text, Encoding.UTF8), VersionStamp.Default))));

    private async Task<Solution> FixOneAtATimeAsync(Solution solution)
    {
        var fixer = new TFixer();
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var diagnostics = await GetFixableDiagnosticsAsync(solution, fixer);
            var applied = false;
            foreach (var diagnostic in diagnostics)
            {
                var key = Key(diagnostic);
                if (skipped.Contains(key))
                {
                    continue;
                }

                var action = Choose(await GetActionsAsync(solution, fixer, diagnostic));
                if (action is null)
                {
                    skipped.Add(key);
                    continue;
                }

                solution = await ApplyAsync(action, solution);
                applied = true;
                break;
            }

            if (!applied)
            {
                return solution;
            }
        }

        throw new XunitException("The fix did not converge after 100 applications: it keeps producing fixable diagnostics.");
    }

    private async Task<Solution> FixAllAsync(Solution solution, FixAllScope scope)
    {
        var fixer = new TFixer();
        var provider = fixer.GetFixAllProvider()
            ?? throw new XunitException($"{typeof(TFixer).Name} has no Fix All provider.");
        if (!provider.GetSupportedFixAllScopes().Contains(scope))
        {
            throw new XunitException($"{typeof(TFixer).Name} does not support Fix All in {scope}.");
        }

        // Each round fixes everything the first fixable diagnostic's scope covers, as a user choosing Fix All does;
        // Document scope needs a round per document.
        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 20; round++)
        {
            var diagnostics = await GetFixableDiagnosticsAsync(solution, fixer);
            CodeAction? first = null;
            Diagnostic? firstDiagnostic = null;
            foreach (var diagnostic in diagnostics)
            {
                if (tried.Contains(Key(diagnostic)))
                {
                    continue;
                }

                first = Choose(await GetActionsAsync(solution, fixer, diagnostic));
                if (first is not null)
                {
                    firstDiagnostic = diagnostic;
                    break;
                }

                tried.Add(Key(diagnostic));
            }

            if (first is null || firstDiagnostic is null)
            {
                return solution;
            }

            tried.Add(Key(firstDiagnostic));
            var document = solution.GetDocument(firstDiagnostic.Location.SourceTree)!;
            var context = new FixAllContext(
                document, fixer, scope, first.EquivalenceKey, fixer.FixableDiagnosticIds,
                new AnalyzerDiagnosticProvider(), CancellationToken.None);
            var fixAll = await provider.GetFixAsync(context)
                ?? throw new XunitException($"Fix All in {scope} returned no action for {firstDiagnostic}.");
            solution = await ApplyAsync(fixAll, solution);
            if (FixAllInOnePass)
            {
                await AssertNothingLeftAsync(solution, fixer, scope, document.FilePath);
            }
        }

        throw new XunitException($"Fix All in {scope} did not converge after 20 rounds.");
    }

    /// <summary>After one Fix All, nothing in its scope (the document, or everything) may still offer the same fix.</summary>
    private async Task AssertNothingLeftAsync(Solution solution, CodeFixProvider fixer, FixAllScope scope, string? documentPath)
    {
        foreach (var diagnostic in await GetFixableDiagnosticsAsync(solution, fixer))
        {
            if (scope == FixAllScope.Document && diagnostic.Location.SourceTree?.FilePath != documentPath)
            {
                continue;
            }

            if (Choose(await GetActionsAsync(solution, fixer, diagnostic)) is not null)
            {
                throw new XunitException($"Fix All in {scope} left {diagnostic} for a second pass.");
            }
        }
    }

    private CodeAction? Choose(IReadOnlyList<CodeAction> actions)
    {
        if (actions.Count == 0)
        {
            return null;
        }

        if (CodeActionEquivalenceKey is null)
        {
            if (actions.Count > 1)
            {
                throw new XunitException("The diagnostic offers several fixes; set CodeActionEquivalenceKey to one of: "
                    + string.Join(", ", actions.Select(a => a.EquivalenceKey)));
            }

            return actions[0];
        }

        return actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);
    }

    private static string Key(Diagnostic diagnostic)
        => $"{diagnostic.Id}@{diagnostic.Location.SourceTree?.FilePath}:{diagnostic.Location.SourceSpan}";

    private static async Task<IReadOnlyList<CodeAction>> GetActionsAsync(Solution solution, CodeFixProvider fixer, Diagnostic diagnostic)
    {
        var document = solution.GetDocument(diagnostic.Location.SourceTree);
        if (document is null)
        {
            return [];
        }

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
            ?? throw new XunitException($"The code action '{action.Title}' changes nothing.");
        return apply.ChangedSolution;
    }

    private static async Task<ImmutableArray<Diagnostic>> GetFixableDiagnosticsAsync(Solution solution, CodeFixProvider fixer)
    {
        var project = solution.Projects.Single();
        var diagnostics = await AnalyzerDiagnosticProvider.AnalyzeAsync(project);
        return diagnostics
            .Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.Length) // a call before the chained call it is the receiver of: a fixed order
            .ToImmutableArray();
    }

    /// <summary>The compiler errors (and warnings, when asked) of a solution, by ID and message (positions move when code is fixed).</summary>
    private static async Task<HashSet<string>> CompilerErrorsAsync(Solution solution, bool warnings)
    {
        var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || (warnings && d.Severity == DiagnosticSeverity.Warning))
            .Select(d => d.Id + ": " + d.GetMessage())
            .ToHashSet(StringComparer.Ordinal);
    }

    private async Task AssertSolutionAsync(
        string how, Solution solution, List<(string Path, string Text)> expectedSources, List<(string Path, string Text)> expectedAdditional,
        HashSet<string> errorsBefore)
    {
        var project = solution.Projects.Single();
        var failures = new StringBuilder();
        foreach (var (path, expected) in expectedSources)
        {
            var document = project.Documents.SingleOrDefault(d => d.FilePath == path);
            var actual = document is null ? "<missing>" : (await document.GetTextAsync()).ToString();
            CompareText(failures, path, expected, actual);
        }

        foreach (var (path, expected) in expectedAdditional)
        {
            var document = project.AdditionalDocuments.SingleOrDefault(d => d.FilePath == path);
            var actual = document is null ? "<missing>" : (await document.GetTextAsync()).ToString();
            CompareText(failures, path, expected, actual);
        }

        var compilation = (await project.GetCompilationAsync())!;
        foreach (var error in compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            var isError = error.Severity == DiagnosticSeverity.Error;
            if ((isError || NoNewCompilerWarnings) && !errorsBefore.Contains(error.Id + ": " + error.GetMessage()))
            {
                failures.AppendLine($"  the fix introduced a compiler {(isError ? "error" : "warning")}: {error}");
            }
        }

        if (failures.Length > 0)
        {
            throw new XunitException($"After the fix ({how}):\n{failures}");
        }
    }

    private static void CompareText(StringBuilder failures, string path, string expected, string actual)
    {
        if (string.Equals(Normalize(expected), Normalize(actual), StringComparison.Ordinal))
        {
            return;
        }

        failures.AppendLine($"  {path} differs{FirstDifference(Normalize(expected), Normalize(actual))}.");
        failures.AppendLine("  --- expected");
        failures.AppendLine(expected);
        failures.AppendLine("  --- actual");
        failures.AppendLine(actual);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Where two texts first differ, with whitespace made visible (a stray space or \r looks the same otherwise).</summary>
    private static string FirstDifference(string expected, string actual)
    {
        var index = 0;
        while (index < expected.Length && index < actual.Length && expected[index] == actual[index])
        {
            index++;
        }

        var line = expected.AsSpan(0, index).Count('\n') + 1;
        static string Show(string text, int start) => text.Substring(start, Math.Min(12, text.Length - start))
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal).Replace(" ", "·", StringComparison.Ordinal);
        return $" at line {line}: expected \"{Show(expected, index)}\", actual \"{Show(actual, index)}\"";
    }

    /// <summary>The analyzer's diagnostics for Fix All, computed the way the IDE does: on the project's compilation and options.</summary>
    private sealed class AnalyzerDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer());
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var crash = diagnostics.FirstOrDefault(d => d.Id == "AD0001");
            if (crash is not null)
            {
                throw new XunitException("The analyzer threw: " + crash.GetMessage());
            }

            return diagnostics;
        }

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await AnalyzeAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => (await AnalyzeAsync(project)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await AnalyzeAsync(project);
    }
}

/// <summary>The short form most code-fix tests use.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TFixer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    public static Task VerifyCodeFixAsync(string source, string fixedSource)
        => new CodeFixTest<TAnalyzer, TFixer> { TestCode = source, FixedCode = fixedSource }.RunAsync();

    public static Task VerifyNoCodeFixAsync(string source)
        => new CodeFixTest<TAnalyzer, TFixer> { TestCode = source }.RunNoFixAsync();

    /// <summary>Broken or half-typed code: the fix may leave the errors that were there, and must add none.</summary>
    public static Task VerifyBrokenCodeFixAsync(string source, string fixedSource)
        => new CodeFixTest<TAnalyzer, TFixer> { TestCode = source, FixedCode = fixedSource, CompilerDiagnostics = CompilerDiagnostics.None }.RunAsync();
}

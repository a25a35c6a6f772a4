namespace Readiness.Checklist.Model;

/// <summary>What a check looks at: one of the kinds of DESIGN.md.</summary>
public abstract record CheckSpec
{
    /// <summary>The kind as written in YAML: analyzer, fileExists, fileAbsent, jsonPath, regex, dockerfile.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// Optional globs naming the check's subject: when no file of the repository matches, the check is
    /// not applicable (a rate-limiting check in a repository without C#, say).
    /// </summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];

    public static readonly IReadOnlyList<string> KindNames = ["analyzer", "fileExists", "fileAbsent", "jsonPath", "regex", "dockerfile"];
}

/// <summary>
/// Fails when any of <see cref="Rules"/> reported an unsuppressed finding. Rule IDs are ours (RDYnnnn) or,
/// with <see cref="External"/>, any other analyzer's (CA5359 …).
/// </summary>
public sealed record AnalyzerCheckSpec(IReadOnlyList<string> Rules, bool External) : CheckSpec
{
    public override string Kind => "analyzer";
}

/// <summary>Passes when at least one file matches one of the globs (minus <see cref="Exclude"/>).</summary>
public sealed record FileExistsCheckSpec(IReadOnlyList<string> Paths, IReadOnlyList<string> Exclude) : CheckSpec
{
    public override string Kind => "fileExists";
}

/// <summary>Fails with one finding per file that matches one of the globs (minus <see cref="Exclude"/>).</summary>
public sealed record FileAbsentCheckSpec(IReadOnlyList<string> Paths, IReadOnlyList<string> Exclude) : CheckSpec
{
    public override string Kind => "fileAbsent";
}

/// <summary>The assertion a <see cref="JsonPathCheckSpec"/> makes about a configuration value.</summary>
public enum JsonAssertion
{
    EqualTo,
    NotEqualTo,
    In,
    NotIn,
    Matches,
    Exists,
    Absent,
}

/// <summary>
/// An assertion over the effective configuration of the chosen environment (appsettings.json overlaid by
/// appsettings.{Environment}.json, ASP.NET Core semantics) of every configuration folder of the repository.
/// <see cref="Path"/> is a configuration key (<c>Logging:LogLevel:Default</c>); a <c>*</c> segment matches any key.
/// </summary>
public sealed record JsonPathCheckSpec(string Path, JsonAssertion Assertion, IReadOnlyList<string> Values) : CheckSpec
{
    public override string Kind => "jsonPath";

    /// <summary>equals/in/matches: when true, a missing key passes (by default it fails).</summary>
    public bool Optional { get; init; }
}

/// <summary>Whether a regex check wants the pattern found somewhere, or nowhere.</summary>
public enum RegexMode
{
    MustMatch,
    MustNotMatch,
}

/// <summary>
/// A regular expression over the files matching <see cref="Files"/>. mustMatch passes when any file matches;
/// mustNotMatch fails with one finding per match. Runs with a match timeout.
/// </summary>
public sealed record RegexCheckSpec(
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Exclude,
    string Pattern,
    RegexMode Mode,
    bool IgnoreCase) : CheckSpec
{
    public override string Kind => "regex";

    /// <summary>
    /// Optional pattern that makes the check applicable: when no file of <see cref="Files"/> matches it, the
    /// check is not applicable (resilient HTTP only matters where the app calls out over HTTP).
    /// </summary>
    public string? When { get; init; }

    /// <summary>
    /// Leaves out the files of client apps (Blazor WebAssembly, MAUI, WPF, Windows Forms, console tools that host
    /// nothing): for checks about how a server behaves, such as sockets exhausted by <c>new HttpClient()</c> per request.
    /// </summary>
    public bool ServerCodeOnly { get; init; }
}

/// <summary>The assertions a dockerfile check can make about the final stage of a Dockerfile.</summary>
public enum DockerfileAssertion
{
    /// <summary>The final stage sets USER to someone other than root/0.</summary>
    NonRootUser,

    /// <summary>No ENV or ARG with a credential-named key and a literal value.</summary>
    NoSecretsInEnv,

    /// <summary>No ENV ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT = Development.</summary>
    NoDevelopmentEnvironment,

    /// <summary>FROM names a tag other than latest, or a digest.</summary>
    PinnedBaseImage,

    /// <summary>No ADD of an http(s) URL.</summary>
    NoRemoteAdd,
}

/// <summary>An assertion about every Dockerfile matching <see cref="Files"/>; not applicable without one.</summary>
public sealed record DockerfileCheckSpec(IReadOnlyList<string> Files, DockerfileAssertion Assertion) : CheckSpec
{
    public override string Kind => "dockerfile";

    public static readonly IReadOnlyList<string> DefaultFiles = ["**/Dockerfile", "**/Dockerfile.*", "**/*.Dockerfile", "**/Containerfile"];
}

using Readiness.Checklist.Model;

namespace Readiness.Checklist.Loading;

/// <summary>Reads checklist YAML into <see cref="ChecklistDocument"/>; bad input throws <see cref="ChecklistException"/>.</summary>
public static class ChecklistLoader
{
    public const string DefaultResourceName = "rules/aspnetcore-production.yaml";

    /// <summary>The embedded rules/aspnetcore-production.yaml.</summary>
    public static ChecklistDocument LoadDefault() => throw new NotImplementedException();

    public static ChecklistDocument Load(string path) => throw new NotImplementedException();

    /// <summary>Parses YAML text; <paramref name="source"/> names it in errors.</summary>
    public static ChecklistDocument Parse(string yaml, string source) => throw new NotImplementedException();
}

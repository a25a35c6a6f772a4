namespace Readiness.Checklist.Model;

/// <summary>Where something was declared in a checklist or waiver file; 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

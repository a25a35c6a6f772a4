namespace Readiness.Checklist.Loading;

/// <summary>One problem in a checklist or waiver file, at a 1-based line and column.</summary>
public sealed record ChecklistError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

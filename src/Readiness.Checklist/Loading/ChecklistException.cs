namespace Readiness.Checklist.Loading;

/// <summary>A checklist or waiver file that cannot be used; <see cref="Exception.Message"/> lists every error as <c>file:line:col: message</c>.</summary>
public sealed class ChecklistException : Exception
{
    public ChecklistException(IReadOnlyList<ChecklistError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ChecklistError> Errors { get; }
}

namespace Readiness.Cli.Audit;

/// <summary>Input the audit cannot start from (a missing path, a file that is not a solution or project): exit code 2.</summary>
internal sealed class AuditInputException(string message) : Exception(message);

using System.CommandLine;
using Readiness.Checklist.Loading;
using Readiness.Cli.Analysis;

namespace Readiness.Cli.Commands;

/// <summary><c>readiness checklist validate FILE</c>: the checklist loads, matches the schema and names known rules.</summary>
internal static class ChecklistCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The checklist YAML file to validate." };
        var validate = new Command("validate", "Validate a checklist file: schema, file:line:col of every error, known rule IDs.") { file };
        validate.SetAction(parse => Validate(parse.GetValue(file)!, output, error));
        return new Command("checklist", "Work with checklist files.") { validate };
    }

    public static int Validate(string path, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"readiness: {path} does not exist");
            return ExitCodes.BadInput;
        }

        try
        {
            var checklist = ChecklistLoader.Load(path);
            ISet<string>? known = null;
            try
            {
                known = new HashSet<string>(AnalyzerCatalog.Load().RuleIds, StringComparer.Ordinal);
            }
            catch (InvalidOperationException e)
            {
                error.WriteLine($"readiness: rule IDs not checked: {e.Message}");
            }

            var errors = ChecklistValidator.Validate(checklist, known);
            if (errors.Count > 0)
            {
                foreach (var checklistError in errors)
                {
                    error.WriteLine(checklistError.ToString());
                }

                error.WriteLine($"readiness: {path}: {errors.Count} error(s)");
                return ExitCodes.BadInput;
            }

            output.WriteLine($"{path}: valid ({checklist.Checks.Count} checks)");
            return ExitCodes.GatePassed;
        }
        catch (ChecklistException e)
        {
            foreach (var checklistError in e.Errors)
            {
                error.WriteLine(checklistError.ToString());
            }

            error.WriteLine($"readiness: {path}: {e.Errors.Count} error(s)");
            return ExitCodes.BadInput;
        }
    }
}

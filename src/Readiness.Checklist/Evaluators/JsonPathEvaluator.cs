using System.Text.RegularExpressions;
using Readiness.Checklist.Configuration;
using Readiness.Checklist.Findings;
using Readiness.Checklist.Model;

namespace Readiness.Checklist.Evaluators;

/// <summary>
/// Asserts over each folder's effective configuration of the audited environment. Values compare
/// case-insensitively (configuration binds True/true, Debug/debug alike); <c>matches</c> is a regex with a timeout.
/// notEquals / notIn / absent pass on a missing key; equals / in / matches fail on it unless <c>optional</c>.
/// Values of Secrets checks, and of credential-named keys in any check, are masked in messages.
/// </summary>
internal static class JsonPathEvaluator
{
    public static Outcome Evaluate(CheckDefinition check, JsonPathCheckSpec spec, EvaluationContext context)
    {
        var configurations = context.Configurations;
        if (configurations.Count == 0)
        {
            return Outcome.NotApplicable($"no appsettings.json or appsettings.{context.Input.Environment}.json in the repository");
        }

        var findings = new List<Finding>();
        foreach (var configuration in configurations)
        {
            findings.AddRange(EvaluateOne(check, spec, configuration, context.Input.Environment));
        }

        return findings.Count == 0 ? Outcome.Pass() : Outcome.Fail(findings);
    }

    private static IEnumerable<Finding> EvaluateOne(CheckDefinition check, JsonPathCheckSpec spec, EffectiveConfiguration configuration, string environment)
    {
        var where = $"the effective {environment} configuration of {(configuration.Folder.Length == 0 ? "the repository root" : configuration.Folder + "/")}";
        switch (spec.Assertion)
        {
            case JsonAssertion.Exists:
                if (!configuration.Match(spec.Path, includeChildren: true).Any())
                {
                    yield return Missing(check, configuration, $"{spec.Path} is not set in {where}");
                }

                yield break;
            case JsonAssertion.Absent:
                foreach (var value in configuration.Match(spec.Path, includeChildren: true))
                {
                    yield return At(check, value, $"{value.Key} is set in {where} ({value.File}); it must be absent");
                }

                yield break;
        }

        var values = configuration.Match(spec.Path).ToList();
        var mustBePresent = spec.Assertion is JsonAssertion.EqualTo or JsonAssertion.In or JsonAssertion.Matches && !spec.Optional;
        if (values.Count == 0 && mustBePresent)
        {
            yield return Missing(check, configuration, $"{spec.Path} is not set in {where}; expected {Expected(spec)}");
            yield break;
        }

        foreach (var value in values)
        {
            if (!Holds(spec, value.Value))
            {
                var shown = value.Value is null ? "null" : $"\"{Show(check, value.Key, value.Value)}\"";
                yield return At(check, value, $"{value.Key} is {shown} in {where} ({value.File}); expected {Expected(spec)}");
            }
        }
    }

    private static bool Holds(JsonPathCheckSpec spec, string? value)
    {
        var text = value ?? "";
        return spec.Assertion switch
        {
            JsonAssertion.EqualTo => string.Equals(text, spec.Values[0], StringComparison.OrdinalIgnoreCase),
            JsonAssertion.NotEqualTo => !string.Equals(text, spec.Values[0], StringComparison.OrdinalIgnoreCase),
            JsonAssertion.In => spec.Values.Contains(text, StringComparer.OrdinalIgnoreCase),
            JsonAssertion.NotIn => !spec.Values.Contains(text, StringComparer.OrdinalIgnoreCase),
            JsonAssertion.Matches => Regex.IsMatch(text, spec.Values[0], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            _ => true,
        };
    }

    private static string Expected(JsonPathCheckSpec spec) => spec.Assertion switch
    {
        JsonAssertion.EqualTo => $"\"{spec.Values[0]}\"",
        JsonAssertion.NotEqualTo => $"anything but \"{spec.Values[0]}\"",
        JsonAssertion.In => $"one of {string.Join(", ", spec.Values)}",
        JsonAssertion.NotIn => $"none of {string.Join(", ", spec.Values)}",
        JsonAssertion.Matches => $"a value matching /{spec.Values[0]}/",
        _ => "",
    };

    private static string Show(CheckDefinition check, string key, string value) =>
        check.Category == "Secrets" || SecretText.IsCredentialName(key) ? SecretText.Mask(value) : value.Length > 120 ? value[..120] + "…" : value;

    private static Finding At(CheckDefinition check, ConfigurationValue value, string message) =>
        new(check.Id, value.File, value.Line, value.Column, value.Line, value.Column, message) { Category = check.Category };

    private static Finding Missing(CheckDefinition check, EffectiveConfiguration configuration, string message) =>
        new(check.Id, configuration.Files[0], 1, 1, 1, 1, message) { Category = check.Category };
}

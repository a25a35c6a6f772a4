using System;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// Builds every descriptor: the category comes from the ID and the help link points at the rule's page,
    /// so no rule can forget either.
    /// </summary>
    internal static class RuleDescriptors
    {
        public const string HelpLinkBase = "https://github.com/ReadinessAnalyzers/ReadinessAnalyzers/blob/main/docs/rules/";

        public static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string description,
            DiagnosticSeverity severity = DiagnosticSeverity.Warning,
            bool isEnabledByDefault = true,
            params string[] customTags)
        {
            var category = RuleCategories.ForRuleId(id)
                ?? throw new ArgumentException($"'{id}' is not a ReadinessAnalyzers rule ID.", nameof(id));

            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault,
                description,
                HelpLinkBase + id + ".md",
                customTags);
        }
    }
}

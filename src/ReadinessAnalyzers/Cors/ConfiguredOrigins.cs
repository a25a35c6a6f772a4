using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Configuration;

namespace ReadinessAnalyzers.Cors
{
    /// <summary>One origin a policy reads from appsettings, as the judged environment sees it.</summary>
    internal readonly struct ConfiguredOrigin
    {
        public ConfiguredOrigin(string value, string path, string fileName, Location location)
        {
            Value = value;
            Path = path;
            FileName = fileName;
            Location = location;
        }

        public string Value { get; }

        /// <summary>The configuration path of the value (<c>Cors:AllowedOrigins:0</c>).</summary>
        public string Path { get; }

        /// <summary>The file that sets it (<c>appsettings.Production.json</c>).</summary>
        public string FileName { get; }

        public Location Location { get; }
    }

    /// <summary>
    /// Origins bound from configuration: <c>config.GetSection("Cors:AllowedOrigins").Get&lt;string[]&gt;()</c> (also with
    /// <c>?? []</c>, nested <c>GetSection</c>/<c>GetRequiredSection</c> calls, through locals) reads every child of the
    /// section; <c>config["Cors:Origin"]</c> reads one value. The values come from the effective configuration
    /// (appsettings.json overlaid by appsettings.{Environment}.json, Production by default).
    /// </summary>
    internal static class ConfiguredOrigins
    {
        /// <summary>True when <paramref name="value"/> reads configuration; <paramref name="key"/> is the section or value key.</summary>
        public static bool TryGetBinding(IOperation? value, INamedTypeSymbol configuration, INamedTypeSymbol binder, out string key, out bool isSection)
            => TryGetBinding(value, configuration, binder, 0, out key, out isSection);

        /// <summary>The values bound to <paramref name="key"/> in every appsettings folder of the project.</summary>
        public static List<ConfiguredOrigin> Read(
            Compilation compilation, AnalyzerOptions options, string ruleId, string key, bool isSection, CancellationToken cancellationToken)
        {
            var origins = new List<ConfiguredOrigin>();
            foreach (var configuration in EffectiveConfiguration.For(compilation, options, ruleId, cancellationToken))
            {
                if (!isSection)
                {
                    if (configuration.TryGet(key, out var single) && single.Value != null)
                    {
                        origins.Add(new ConfiguredOrigin(single.Value, single.Path, single.Layer.FileName, single.ValueLocation));
                    }

                    continue;
                }

                foreach (var value in configuration.Values)
                {
                    var path = value.Path;
                    if (value.Value != null
                        && path.Length > key.Length + 1
                        && path[key.Length] == ':'
                        && path.StartsWith(key, StringComparison.OrdinalIgnoreCase)
                        && path.IndexOf(':', key.Length + 1) < 0)
                    {
                        origins.Add(new ConfiguredOrigin(value.Value, path, value.Layer.FileName, value.ValueLocation));
                    }
                }
            }

            return origins;
        }

        private static bool TryGetBinding(IOperation? value, INamedTypeSymbol configuration, INamedTypeSymbol binder, int depth, out string key, out bool isSection)
        {
            key = string.Empty;
            isSection = false;
            value = Values.Unwrap(value);
            switch (value)
            {
                case ICoalesceOperation coalesce:
                    return TryGetBinding(coalesce.Value, configuration, binder, depth, out key, out isSection);

                case ILocalReferenceOperation local when depth < Values.MaxLocalDepth:
                    return TryGetBinding(Values.DeclaredValue(local), configuration, binder, depth + 1, out key, out isSection);

                case IInvocationOperation { TargetMethod: { Name: "Get", IsExtensionMethod: true } get } invocation
                    when SymbolEqualityComparer.Default.Equals(get.ContainingType, binder) && invocation.Arguments.Length > 0:
                    isSection = true;
                    return TryGetSection(invocation.Arguments[0].Value, configuration, out key);

                case IPropertyReferenceOperation { Property: { IsIndexer: true } } indexer
                    when indexer.Arguments.Length == 1 && IsConfiguration(indexer.Instance?.Type, configuration)
                        && Invocations.ConstantString(indexer.Arguments[0].Value) is string valueKey:
                    key = valueKey;
                    return true;

                default:
                    return false;
            }
        }

        /// <summary><c>config.GetSection("A").GetSection("B")</c> → <c>A:B</c>.</summary>
        private static bool TryGetSection(IOperation? operation, INamedTypeSymbol configuration, out string key)
        {
            key = string.Empty;
            if (!(Values.Unwrap(operation) is IInvocationOperation call)
                || (call.TargetMethod.Name != "GetSection" && call.TargetMethod.Name != "GetRequiredSection"))
            {
                return false;
            }

            // GetSection is an interface method; GetRequiredSection an extension whose first argument is the configuration.
            var receiver = call.Instance;
            var keyArgument = 0;
            if (receiver is null && call.TargetMethod.IsExtensionMethod && call.Arguments.Length == 2)
            {
                receiver = call.Arguments[0].Value;
                keyArgument = 1;
            }

            if (receiver is null || call.Arguments.Length != keyArgument + 1 || !IsConfiguration(Values.Unwrap(receiver)?.Type, configuration)
                || !(Invocations.ConstantString(call.Arguments[keyArgument].Value) is string section))
            {
                return false;
            }

            key = TryGetSection(receiver, configuration, out var parent) ? parent + ":" + section : section;
            return true;
        }

        private static bool IsConfiguration(ITypeSymbol? type, INamedTypeSymbol configuration)
        {
            if (type is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, configuration))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, configuration))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

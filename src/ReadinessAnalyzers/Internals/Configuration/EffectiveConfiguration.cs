using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Internals.ConfigFiles;
using ReadinessAnalyzers.Internals.Json;

namespace ReadinessAnalyzers.Internals.Configuration
{
    /// <summary>One appsettings file of an effective configuration, read once.</summary>
    internal sealed class ConfigurationLayer
    {
        public ConfigurationLayer(AdditionalText file, SourceText text, List<JsonConfigEntry> entries, bool isEnvironmentFile)
        {
            File = file;
            Text = text;
            Entries = entries;
            IsEnvironmentFile = isEnvironmentFile;
            FileName = ConfigFile.FileName(file.Path);
        }

        public AdditionalText File { get; }

        public SourceText Text { get; }

        public string FileName { get; }

        /// <summary>True for appsettings.{Environment}.json, false for appsettings.json.</summary>
        public bool IsEnvironmentFile { get; }

        public List<JsonConfigEntry> Entries { get; }

        public Location LocationOf(TextSpan span) => Location.Create(File.Path, span, Text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>A value as the app sees it, with the file that sets it.</summary>
    internal readonly struct EffectiveValue
    {
        public EffectiveValue(JsonConfigEntry entry, ConfigurationLayer layer)
        {
            Entry = entry;
            Layer = layer;
        }

        public JsonConfigEntry Entry { get; }

        /// <summary>The file that sets the value: the last layer that has the key.</summary>
        public ConfigurationLayer Layer { get; }

        public string Path => Entry.Path;

        public string? Value => Entry.Value;

        public Location ValueLocation => Layer.LocationOf(Entry.ValueSpan);

        public Location KeyLocation => Layer.LocationOf(Entry.KeySpan);

        /// <summary>True for JSON true, or a string the host reads as true (<c>"true"</c>, <c>"1"</c>).</summary>
        public bool IsTrue => Entry.Kind == JsonLeafKind.True
            || (Entry.Kind == JsonLeafKind.String && Entry.Value != null
                && (string.Equals(Entry.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase) || Entry.Value.Trim() == "1"));
    }

    /// <summary>
    /// The configuration an app folder runs with in one environment: appsettings.json overlaid by
    /// appsettings.{Environment}.json, key by key and case-insensitively, as ASP.NET Core's JSON providers layer them.
    /// The environment is <c>readiness.environment</c> (or <c>RDYnnnn.environment</c>) from .editorconfig/.globalconfig,
    /// Production by default. Files are read once per compilation, whichever rule asks first.
    /// </summary>
    internal sealed class EffectiveConfiguration
    {
        public const string DefaultEnvironment = "Production";
        private const string BaseFileName = "appsettings.json";

        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, EffectiveConfiguration>> Cache =
            new ConditionalWeakTable<Compilation, ConcurrentDictionary<string, EffectiveConfiguration>>();

        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, EffectiveConfiguration>>.CreateValueCallback CacheFactory =
            _ => new ConcurrentDictionary<string, EffectiveConfiguration>(StringComparer.Ordinal);

        private readonly Dictionary<string, int> _index;

        private EffectiveConfiguration(string environment, List<ConfigurationLayer> layers)
        {
            Environment = environment;
            Layers = layers;
            Values = new List<EffectiveValue>();
            _index = new Dictionary<string, int>(JsonConfigReader.PathComparer);
            foreach (var layer in layers)
            {
                foreach (var entry in layer.Entries)
                {
                    var value = new EffectiveValue(entry, layer);
                    if (_index.TryGetValue(entry.Path, out var at))
                    {
                        Values[at] = value;
                    }
                    else
                    {
                        _index[entry.Path] = Values.Count;
                        Values.Add(value);
                    }
                }
            }
        }

        /// <summary>The judged environment (Production unless configured).</summary>
        public string Environment { get; }

        /// <summary>appsettings.json (when present), then appsettings.{Environment}.json (when present).</summary>
        public List<ConfigurationLayer> Layers { get; }

        /// <summary>Every effective leaf, once, each with the file that sets it.</summary>
        public List<EffectiveValue> Values { get; }

        /// <summary>The name of the file that would override a value for the judged environment.</summary>
        public string EnvironmentFileName => "appsettings." + Environment + ".json";

        public bool TryGet(string path, out EffectiveValue value)
        {
            if (_index.TryGetValue(path, out var at))
            {
                value = Values[at];
                return true;
            }

            value = default;
            return false;
        }

        /// <summary>
        /// The effective configuration of every folder that holds appsettings files among the AdditionalFiles, for the
        /// environment the rule judges there.
        /// </summary>
        public static List<EffectiveConfiguration> For(Compilation compilation, AnalyzerOptions options, string ruleId, CancellationToken cancellationToken)
        {
            var result = new List<EffectiveConfiguration>();
            var folders = new Dictionary<string, List<AdditionalText>>(StringComparer.Ordinal);
            foreach (var file in options.AdditionalFiles)
            {
                var name = ConfigFile.FileName(file.Path);
                if (!name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var folder = file.Path.Substring(0, file.Path.Length - name.Length);
                if (!folders.TryGetValue(folder, out var files))
                {
                    files = new List<AdditionalText>();
                    folders.Add(folder, files);
                }

                files.Add(file);
            }

            var cache = Cache.GetValue(compilation, CacheFactory);
            foreach (var pair in folders)
            {
                var environment = EnvironmentFor(options, pair.Value, ruleId);
                var key = environment + "|" + pair.Key;
                if (!cache.TryGetValue(key, out var configuration))
                {
                    configuration = cache.GetOrAdd(key, Build(environment, pair.Value, cancellationToken));
                }

                if (configuration.Layers.Count > 0)
                {
                    result.Add(configuration);
                }
            }

            return result;
        }

        private static string EnvironmentFor(AnalyzerOptions options, List<AdditionalText> files, string ruleId)
        {
            var file = files[0];
            foreach (var candidate in files)
            {
                if (string.Equals(ConfigFile.FileName(candidate.Path), BaseFileName, StringComparison.OrdinalIgnoreCase))
                {
                    file = candidate;
                    break;
                }
            }

            var environment = RuleOptions.Get(options, file, ruleId, OptionCatalog.Environment)?.Trim();
            return string.IsNullOrEmpty(environment) ? DefaultEnvironment : environment!;
        }

        private static EffectiveConfiguration Build(string environment, List<AdditionalText> files, CancellationToken cancellationToken)
        {
            ConfigurationLayer? baseLayer = null;
            ConfigurationLayer? environmentLayer = null;
            var environmentFileName = "appsettings." + environment + ".json";
            foreach (var file in files)
            {
                var name = ConfigFile.FileName(file.Path);
                var isBase = string.Equals(name, BaseFileName, StringComparison.OrdinalIgnoreCase);
                var isEnvironment = !isBase && string.Equals(name, environmentFileName, StringComparison.OrdinalIgnoreCase);
                if ((!isBase || baseLayer != null) && (!isEnvironment || environmentLayer != null))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text is null)
                {
                    continue;
                }

                // A malformed file keeps what was read before the error: in the editor it is usually a file being typed.
                var entries = new List<JsonConfigEntry>();
                JsonConfigReader.TryRead(text.ToString(), entries, out _);
                var layer = new ConfigurationLayer(file, text, entries, isEnvironment);
                if (isBase)
                {
                    baseLayer = layer;
                }
                else
                {
                    environmentLayer = layer;
                }
            }

            var layers = new List<ConfigurationLayer>(2);
            if (baseLayer != null)
            {
                layers.Add(baseLayer);
            }

            if (environmentLayer != null)
            {
                layers.Add(environmentLayer);
            }

            return new EffectiveConfiguration(environment, layers);
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Internals.Json;

namespace ReadinessAnalyzers.Internals.ConfigFiles
{
    /// <summary>The configuration and deployment files the analyzers understand, recognised by file name.</summary>
    internal enum ConfigFileKind
    {
        None,
        AppSettings,
        UserSecrets,
        LaunchSettings,
        DotEnv,
        Dockerfile,
        Compose,
        XmlConfig,
        NuGetConfig,
        PublishProfile,
    }

    /// <summary>What a configuration entry's position says about its value.</summary>
    internal enum ConfigEntryRole
    {
        /// <summary>A plain named value: a secret only if the name is credential-named.</summary>
        Named,

        /// <summary>A connection string (web.config connectionStrings): a secret if it embeds a password.</summary>
        ConnectionString,

        /// <summary>A value that is a key by where it stands (machineKey validation/decryption keys).</summary>
        Key,
    }

    /// <summary>One named value of a configuration file, with the exact span of the value.</summary>
    internal readonly struct ConfigEntry
    {
        public ConfigEntry(string name, string value, TextSpan valueSpan, ConfigEntryRole role = ConfigEntryRole.Named)
        {
            Name = name;
            Value = value;
            ValueSpan = valueSpan;
            Role = role;
        }

        /// <summary>The key as the file's consumer sees it: a configuration path, an environment variable, an attribute.</summary>
        public string Name { get; }

        public string Value { get; }

        public TextSpan ValueSpan { get; }

        public ConfigEntryRole Role { get; }
    }

    /// <summary>Recognises configuration files by name and reads their named values.</summary>
    internal static class ConfigFile
    {
        /// <summary>The kind of file at <paramref name="path"/>, from its name alone.</summary>
        public static ConfigFileKind Classify(string path)
        {
            var name = FileName(path);
            if (name.Length == 0)
            {
                return ConfigFileKind.None;
            }

            if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigFileKind.AppSettings;
            }

            if (name.Equals("secrets.json", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigFileKind.UserSecrets;
            }

            if (name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigFileKind.LaunchSettings;
            }

            if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigFileKind.DotEnv;
            }

            if (name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigFileKind.Dockerfile;
            }

            if ((name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("compose", StringComparison.OrdinalIgnoreCase))
                && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)))
            {
                return ConfigFileKind.Compose;
            }

            if (name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigFileKind.NuGetConfig;
            }

            if (name.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
                && (name.StartsWith("web.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("app.", StringComparison.OrdinalIgnoreCase)))
            {
                return ConfigFileKind.XmlConfig;
            }

            if (name.EndsWith(".pubxml", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigFileKind.PublishProfile;
            }

            return ConfigFileKind.None;
        }

        /// <summary>
        /// Adds the named values of a file of the given kind. Never throws; a malformed file yields what could be read.
        /// </summary>
        public static void ReadEntries(ConfigFileKind kind, string text, List<ConfigEntry> entries)
        {
            switch (kind)
            {
                case ConfigFileKind.AppSettings:
                case ConfigFileKind.UserSecrets:
                case ConfigFileKind.LaunchSettings:
                    ReadJson(kind, text, entries);
                    break;
                case ConfigFileKind.DotEnv:
                    KeyValueFileReader.ReadDotEnv(text, entries);
                    break;
                case ConfigFileKind.Dockerfile:
                    KeyValueFileReader.ReadDockerfile(text, entries);
                    break;
                case ConfigFileKind.Compose:
                    KeyValueFileReader.ReadCompose(text, entries);
                    break;
                case ConfigFileKind.XmlConfig:
                case ConfigFileKind.NuGetConfig:
                case ConfigFileKind.PublishProfile:
                    XmlConfigReader.Read(text, entries);
                    break;
            }
        }

        /// <summary>
        /// True for a file meant for a developer's machine, by a name part <c>development</c>, <c>dev</c>, <c>local</c> or
        /// <c>debug</c> (<c>Dockerfile.dev</c>, <c>dev.Dockerfile</c>, <c>.env.local</c>, <c>appsettings.Development.json</c>).
        /// </summary>
        public static bool IsDevelopmentVariant(string path) => HasNamePart(FileName(path), DevelopmentParts);

        /// <summary>
        /// True for a container file that is not a deployment: a developer variant (<see cref="IsDevelopmentVariant"/>), a
        /// dev-container image (<c>.devcontainer/Dockerfile</c>), or a compose override (<c>docker-compose.override.yml</c>,
        /// which Visual Studio and <c>docker compose up</c> apply on a developer's machine).
        /// </summary>
        public static bool IsDevelopmentContainerFile(string path)
        {
            if (IsDevelopmentVariant(path) || path.IndexOf("/.devcontainer/", StringComparison.OrdinalIgnoreCase) >= 0
                || path.IndexOf("\\.devcontainer\\", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            return Classify(path) == ConfigFileKind.Compose && HasNamePart(FileName(path), OverrideParts);
        }

        private static readonly string[] OverrideParts = { "override" };

        /// <summary>True for a template to copy, not a file in use (<c>.env.example</c>, <c>.env.sample</c>, <c>.env.template</c>, <c>.env.dist</c>).</summary>
        public static bool IsTemplate(string path) => HasNamePart(FileName(path), TemplateParts);

        private static readonly string[] DevelopmentParts = { "development", "dev", "local", "debug" };
        private static readonly string[] TemplateParts = { "example", "sample", "template", "dist", "defaults" };

        private static bool HasNamePart(string name, string[] parts)
        {
            var start = 0;
            for (var i = 0; i <= name.Length; i++)
            {
                if (i < name.Length && name[i] != '.' && name[i] != '-' && name[i] != '_')
                {
                    continue;
                }

                foreach (var part in parts)
                {
                    if (i - start == part.Length && string.Compare(name, start, part, 0, part.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        return true;
                    }
                }

                start = i + 1;
            }

            return false;
        }

        /// <summary>The file name of a path with either separator.</summary>
        public static string FileName(string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return string.Empty;
            }

            var slash = path.LastIndexOfAny(Separators);
            return slash < 0 ? path : path.Substring(slash + 1);
        }

        private static readonly char[] Separators = { '/', '\\' };

        private static void ReadJson(ConfigFileKind kind, string text, List<ConfigEntry> entries)
        {
            var values = new List<JsonConfigEntry>();
            JsonConfigReader.TryRead(text, values, out _);
            foreach (var value in values)
            {
                if (value.Kind != JsonLeafKind.String || value.Value is null)
                {
                    continue;
                }

                if (kind == ConfigFileKind.LaunchSettings)
                {
                    // profiles:<name>:environmentVariables:<VARIABLE>: the variable's name is what the app reads.
                    var path = value.Path;
                    var marker = path.IndexOf(":environmentVariables:", StringComparison.OrdinalIgnoreCase);
                    if (marker < 0 || !path.StartsWith("profiles:", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var variable = path.Substring(marker + ":environmentVariables:".Length);
                    entries.Add(new ConfigEntry(variable, value.Value, value.ValueSpan));
                    continue;
                }

                entries.Add(new ConfigEntry(value.Path, value.Value, value.ValueSpan));
            }
        }
    }
}

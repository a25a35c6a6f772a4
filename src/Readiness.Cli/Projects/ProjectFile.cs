using System.Xml;
using System.Xml.Linq;

namespace Readiness.Cli.Projects;

/// <summary>A <c>&lt;Using&gt;</c> item: a global using the SDK would generate.</summary>
internal sealed record GlobalUsing(string Namespace, string? Alias, bool IsStatic);

/// <summary>
/// What the audit needs from a .csproj, read as XML without running MSBuild: the SDK, the properties that shape the
/// compilation, and the items that name references and global usings. Elements with a <c>Condition</c> are not
/// evaluated when they are simple (<c>'$(TargetFramework)' != 'netstandard2.0'</c>, see <see cref="MsBuildConditions"/>)
/// and left out otherwise; values expand plain <c>$(Property)</c> references and are left out when they use more.
/// The audit states what it read, never guesses; it evaluates as a Release build.
/// The nearest Directory.Build.props is read the same way and gives the defaults the project overrides.
/// </summary>
internal sealed class ProjectFile
{
    private ProjectFile(string path)
    {
        FullPath = path;
        Directory = System.IO.Path.GetDirectoryName(path)!;
    }

    public string FullPath { get; }

    public string Directory { get; }

    public string Name => System.IO.Path.GetFileNameWithoutExtension(FullPath);

    public string Sdk { get; private set; } = "Microsoft.NET.Sdk";

    public Dictionary<string, string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<(string Name, string? Version)> PackageReferences { get; } = [];

    public List<string> FrameworkReferences { get; } = [];

    /// <summary>Absolute paths of referenced projects.</summary>
    public List<string> ProjectReferences { get; } = [];

    public List<GlobalUsing> Usings { get; } = [];

    public List<string> UsingRemoves { get; } = [];

    /// <summary>Compile globs, relative to the project folder, forward slashes.</summary>
    public List<string> CompileIncludes { get; } = [];

    public List<string> CompileRemoves { get; } = [];

    /// <summary>What was in the project file but could not be honoured without MSBuild.</summary>
    public List<string> Notes { get; } = [];

    public bool IsWebSdk => Sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
        || Sdk.StartsWith("Microsoft.NET.Sdk.Razor", StringComparison.OrdinalIgnoreCase)
        || Sdk.StartsWith("Microsoft.NET.Sdk.BlazorWebAssembly", StringComparison.OrdinalIgnoreCase);

    public bool IsWorkerSdk => Sdk.StartsWith("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase);

    /// <summary>What conditions see before the project sets anything: a Release build, and MSBuild's own properties.</summary>
    private void SeedProperties()
    {
        Properties["Configuration"] = "Release";
        Properties["Platform"] = "AnyCPU";
        Properties["MSBuildProjectName"] = Name;
        Properties["MSBuildProjectDirectory"] = Directory;
        Properties["MSBuildProjectFile"] = System.IO.Path.GetFileName(FullPath);
    }

    private bool? Condition(XElement element) =>
        element.Attribute("Condition") is { } condition ? MsBuildConditions.Evaluate(condition.Value, Properties) : true;

    public string? this[string property] => Properties.TryGetValue(property, out var value) ? value : null;

    public bool IsTrue(string property) => string.Equals(this[property], "true", StringComparison.OrdinalIgnoreCase);

    public bool IsTestProject => IsTrue("IsTestProject")
        || PackageReferences.Exists(p => p.Name.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase));

    public bool ReferencesAspNetCore => IsWebSdk
        || FrameworkReferences.Exists(f => f.Equals("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase));

    /// <summary>The target framework the audit compiles for: the first of TargetFrameworks, e.g. net10.0.</summary>
    public string? TargetFramework
    {
        get
        {
            var single = this["TargetFramework"];
            if (!string.IsNullOrWhiteSpace(single))
            {
                return single.Trim();
            }

            var many = this["TargetFrameworks"];
            return many?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        }
    }

    public string AssemblyName => string.IsNullOrWhiteSpace(this["AssemblyName"]) ? Name : this["AssemblyName"]!;

    /// <summary>Reads the project file; throws <see cref="InvalidDataException"/> when it is not a readable project.</summary>
    public static ProjectFile Load(string path, string text, string? directoryBuildPropsPath, string? directoryBuildPropsText)
    {
        var project = new ProjectFile(System.IO.Path.GetFullPath(path));
        project.SeedProperties();
        var documents = new List<(XDocument Document, string Directory, bool IsProjectFile)>();
        if (directoryBuildPropsPath is not null && directoryBuildPropsText is not null)
        {
            try
            {
                documents.Add((Parse(directoryBuildPropsText, directoryBuildPropsPath), System.IO.Path.GetDirectoryName(directoryBuildPropsPath)!, false));
            }
            catch (InvalidDataException e)
            {
                project.Notes.Add($"Directory.Build.props not read: {e.Message}");
            }
        }

        documents.Add((Parse(text, path), project.Directory, true));

        // MSBuild's order: every property (Directory.Build.props first), then every item with the final properties.
        foreach (var (document, _, isProjectFile) in documents)
        {
            project.ReadProperties(document, isProjectFile);
        }

        foreach (var (document, directory, _) in documents)
        {
            project.ReadItems(document, directory);
        }

        return project;
    }

    private static XDocument Parse(string text, string path)
    {
        try
        {
            var document = XDocument.Parse(text, LoadOptions.SetLineInfo);
            if (document.Root?.Name.LocalName != "Project")
            {
                throw new InvalidDataException($"{System.IO.Path.GetFileName(path)} is not an MSBuild project (its root element is not <Project>)");
            }

            return document;
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{System.IO.Path.GetFileName(path)}:{e.LineNumber}:{e.LinePosition}: malformed XML: {e.Message}", e);
        }
    }

    private void ReadProperties(XDocument document, bool isProjectFile)
    {
        var root = document.Root!;
        if (isProjectFile)
        {
            var sdk = (string?)root.Attribute("Sdk")
                ?? root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name")).FirstOrDefault()
                ?? root.Elements().Where(e => e.Name.LocalName == "Import").Select(e => (string?)e.Attribute("Sdk")).FirstOrDefault(s => s is not null);
            if (!string.IsNullOrWhiteSpace(sdk))
            {
                // "Microsoft.NET.Sdk.Web/10.0.100" names a version; the SDK name is what matters.
                Sdk = sdk.Split('/')[0].Split(';')[0].Trim();
            }
        }

        foreach (var group in root.Elements().Where(e => e.Name.LocalName == "PropertyGroup"))
        {
            if (Condition(group) != true)
            {
                continue;
            }

            foreach (var property in group.Elements())
            {
                if (property.HasElements || Condition(property) != true)
                {
                    continue;
                }

                if (MsBuildConditions.Expand(property.Value.Trim(), Properties) is { } value)
                {
                    Properties[property.Name.LocalName] = value;
                }
            }
        }

    }

    private void ReadItems(XDocument document, string baseDirectory)
    {
        foreach (var group in document.Root!.Elements().Where(e => e.Name.LocalName == "ItemGroup"))
        {
            if (Condition(group) != true)
            {
                continue;
            }

            foreach (var item in group.Elements())
            {
                if (Condition(item) != true)
                {
                    continue;
                }

                ReadItem(item, baseDirectory);
            }
        }
    }

    private void ReadItem(XElement item, string baseDirectory)
    {
        var include = Expand((string?)item.Attribute("Include"));
        var remove = Expand((string?)item.Attribute("Remove"));
        switch (item.Name.LocalName)
        {
            case "PackageReference" when !string.IsNullOrEmpty(include):
                var version = (string?)item.Attribute("Version") ?? (string?)item.Attribute("VersionOverride")
                    ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == "Version")?.Value;
                PackageReferences.Add((include, version));
                break;
            case "FrameworkReference" when !string.IsNullOrEmpty(include):
                FrameworkReferences.Add(include);
                break;
            case "ProjectReference" when !string.IsNullOrEmpty(include):
                if (string.Equals((string?)item.Attribute("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase))
                {
                    // An analyzer or build-order reference: nothing to compile against.
                    break;
                }

                foreach (var reference in Split(include))
                {
                    if (reference.Contains("$(", StringComparison.Ordinal))
                    {
                        Notes.Add($"ProjectReference '{reference}' uses MSBuild properties and was not followed");
                        continue;
                    }

                    ProjectReferences.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, reference.Replace('\\', '/'))));
                }

                break;
            case "Using" when !string.IsNullOrEmpty(include):
                var isStatic = string.Equals((string?)item.Attribute("Static"), "true", StringComparison.OrdinalIgnoreCase);
                Usings.Add(new GlobalUsing(include, (string?)item.Attribute("Alias"), isStatic));
                break;
            case "Using" when !string.IsNullOrEmpty(remove):
                UsingRemoves.AddRange(Split(remove));
                break;
            case "Compile":
                ReadCompileItem(include, remove);
                break;
        }
    }

    private void ReadCompileItem(string? include, string? remove)
    {
        if (!string.IsNullOrEmpty(remove))
        {
            foreach (var pattern in Split(remove))
            {
                if (pattern.Contains("$(", StringComparison.Ordinal) || pattern.Contains("@(", StringComparison.Ordinal))
                {
                    Notes.Add($"<Compile Remove=\"{pattern}\"> uses MSBuild properties or items and was not honoured");
                    continue;
                }

                CompileRemoves.Add(pattern.Replace('\\', '/'));
            }
        }

        if (!string.IsNullOrEmpty(include))
        {
            foreach (var pattern in Split(include))
            {
                if (pattern.Contains("$(", StringComparison.Ordinal) || pattern.Contains("@(", StringComparison.Ordinal))
                {
                    Notes.Add($"<Compile Include=\"{pattern}\"> uses MSBuild properties or items and was not honoured");
                    continue;
                }

                CompileIncludes.Add(pattern.Replace('\\', '/'));
            }
        }
    }

    /// <summary>Expands plain $(Property) references; keeps the text as written when it needs more, so callers can say so.</summary>
    private string? Expand(string? value) =>
        value is null ? null : MsBuildConditions.Expand(value.Trim(), Properties) ?? value.Trim();

    private static IEnumerable<string> Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

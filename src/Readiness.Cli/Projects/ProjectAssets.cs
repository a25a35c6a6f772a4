using System.Text.Json;

namespace Readiness.Cli.Projects;

/// <summary>
/// The compile-time view of a restored project, read from obj/project.assets.json: for the chosen target framework,
/// every package's <c>compile</c> assets resolved against the package folders, and the framework references the
/// restore found (a package can bring Microsoft.AspNetCore.App along).
/// </summary>
internal sealed class ProjectAssets
{
    public List<string> CompileAssemblies { get; } = [];

    public HashSet<string> FrameworkReferences { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Packages whose compile assets were not found in any package folder (a partial restore, a cleaned cache).</summary>
    public List<string> MissingPackages { get; } = [];

    /// <summary>The target framework key the assets were read for.</summary>
    public string? Target { get; private set; }

    /// <summary>Reads the assets file text; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static ProjectAssets Parse(string json, string? tfm)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"project.assets.json is not valid JSON ({e.LineNumber + 1}:{e.BytePositionInLine + 1}: {e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("project.assets.json has no 'targets'");
            }

            var assets = new ProjectAssets();
            var target = ChooseTarget(targets, tfm);
            if (target is null)
            {
                return assets;
            }

            assets.Target = target.Value.Name;
            var packageFolders = root.TryGetProperty("packageFolders", out var folders) && folders.ValueKind == JsonValueKind.Object
                ? folders.EnumerateObject().Select(f => f.Name).ToList()
                : [];
            var libraries = root.TryGetProperty("libraries", out var libs) && libs.ValueKind == JsonValueKind.Object ? libs : default;

            foreach (var package in target.Value.Value.EnumerateObject())
            {
                if (package.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (package.Value.TryGetProperty("frameworkReferences", out var frameworkReferences) && frameworkReferences.ValueKind == JsonValueKind.Array)
                {
                    foreach (var framework in frameworkReferences.EnumerateArray())
                    {
                        if (framework.GetString() is { } name)
                        {
                            assets.FrameworkReferences.Add(name);
                        }
                    }
                }

                var type = package.Value.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type != "package" || !package.Value.TryGetProperty("compile", out var compile) || compile.ValueKind != JsonValueKind.Object)
                {
                    // Project references are compiled by the audit itself, from source.
                    continue;
                }

                var libraryPath = libraries.ValueKind == JsonValueKind.Object
                    && libraries.TryGetProperty(package.Name, out var library)
                    && library.TryGetProperty("path", out var path)
                        ? path.GetString()
                        : package.Name.ToLowerInvariant();
                var missing = false;
                foreach (var asset in compile.EnumerateObject())
                {
                    // "_._" marks a package that has nothing to compile against for this framework.
                    if (!asset.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var file = packageFolders
                        .Select(folder => Path.Combine(folder, libraryPath ?? string.Empty, asset.Name.Replace('/', Path.DirectorySeparatorChar)))
                        .FirstOrDefault(File.Exists);
                    if (file is null)
                    {
                        missing = true;
                    }
                    else
                    {
                        assets.CompileAssemblies.Add(file);
                    }
                }

                if (missing)
                {
                    assets.MissingPackages.Add(package.Name);
                }
            }

            if (root.TryGetProperty("project", out var project)
                && project.TryGetProperty("frameworks", out var frameworks)
                && frameworks.ValueKind == JsonValueKind.Object)
            {
                foreach (var framework in frameworks.EnumerateObject())
                {
                    var matches = tfm is null || framework.Name.Equals(tfm, StringComparison.OrdinalIgnoreCase)
                        || (framework.Value.TryGetProperty("targetAlias", out var alias) && string.Equals(alias.GetString(), tfm, StringComparison.OrdinalIgnoreCase));
                    if (matches && framework.Value.TryGetProperty("frameworkReferences", out var references) && references.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var reference in references.EnumerateObject())
                        {
                            assets.FrameworkReferences.Add(reference.Name);
                        }
                    }
                }
            }

            return assets;
        }
    }

    private static JsonProperty? ChooseTarget(JsonElement targets, string? tfm)
    {
        var all = targets.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.Object).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        // Keys are a framework moniker such as "net10.0", or with a runtime: "net10.0/linux-x64". Prefer the plain one.
        static string Short(string key)
        {
            var framework = key.Split('/')[0];
            var version = framework.StartsWith(".NETCoreApp,Version=v", StringComparison.OrdinalIgnoreCase)
                ? "net" + framework[".NETCoreApp,Version=v".Length..]
                : framework;
            return version;
        }

        if (tfm is not null)
        {
            var exact = all.Where(t => Short(t.Name).Equals(tfm, StringComparison.OrdinalIgnoreCase)).OrderBy(t => t.Name.Contains('/')).ToList();
            if (exact.Count > 0)
            {
                return exact[0];
            }
        }

        return all.OrderBy(t => t.Name.Contains('/')).First();
    }
}

namespace RealWorld.Audit;

/// <summary>
/// A copy of a repository without any obj/ folder, so packages an earlier `restored` run resolved (obj/project.assets.json)
/// cannot leak into the fresh figures. Symbolic links are not followed (the CLI does not follow folder links either).
/// </summary>
internal static class FreshCopy
{
    public static (int Files, int SkippedObj) Make(string source, string target)
    {
        Delete(target);
        var files = 0;
        var skipped = 0;
        var pending = new Stack<(DirectoryInfo From, string To)>();
        pending.Push((new DirectoryInfo(source), target));
        while (pending.Count > 0)
        {
            var (from, to) = pending.Pop();
            Directory.CreateDirectory(to);
            foreach (var entry in from.EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is DirectoryInfo dir)
                {
                    if (string.Equals(dir.Name, "obj", StringComparison.OrdinalIgnoreCase))
                    {
                        skipped++;
                        continue;
                    }

                    pending.Push((dir, Path.Combine(to, dir.Name)));
                }
                else if (entry is FileInfo file)
                {
                    file.CopyTo(Path.Combine(to, file.Name));
                    files++;
                }
            }
        }

        return (files, skipped);
    }

    public static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(folder, recursive: true);
        }
    }
}

namespace Readiness.Checklist.Evaluators;

/// <summary>One instruction of a Dockerfile, continuation lines joined; <see cref="Line"/> is where it starts.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Line, int Column);

/// <summary>A build stage: its FROM and the instructions up to the next FROM.</summary>
internal sealed record DockerStage(DockerInstruction From, string Image, string? Name, IReadOnlyList<DockerInstruction> Instructions);

/// <summary>Just enough of the Dockerfile grammar for the assertions: instructions, continuations, comments, stages.</summary>
internal static class Dockerfile
{
    public static IReadOnlyList<DockerStage> Parse(string text)
    {
        var instructions = Instructions(text);
        var stages = new List<DockerStage>();
        DockerInstruction? from = null;
        var body = new List<DockerInstruction>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                if (from is not null)
                {
                    stages.Add(Stage(from, body));
                }

                from = instruction;
                body = [];
            }
            else if (from is not null)
            {
                body.Add(instruction);
            }
        }

        if (from is not null)
        {
            stages.Add(Stage(from, body));
        }

        return stages;
    }

    private static DockerStage Stage(DockerInstruction from, List<DockerInstruction> body)
    {
        var words = from.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        var image = words.Count > 0 ? words[0] : "";
        var name = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
        return new DockerStage(from, image, name, body);
    }

    public static IReadOnlyList<DockerInstruction> Instructions(string text)
    {
        var result = new List<DockerInstruction>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var start = i;
            var column = lines[i].Length - trimmed.Length + 1;
            var logical = trimmed.TrimEnd();
            while (logical.EndsWith('\\') && i + 1 < lines.Length)
            {
                logical = logical[..^1];
                i++;
                var next = lines[i].TrimStart();
                if (next.StartsWith('#'))
                {
                    logical += " \\"; // a comment inside a continuation is dropped; keep continuing
                    continue;
                }

                logical += " " + next.TrimEnd();
            }

            var space = logical.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? logical : logical[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : logical[(space + 1)..].Trim();
            result.Add(new DockerInstruction(keyword, arguments, start + 1, column));
        }

        return result;
    }

    /// <summary>The KEY=value pairs of an ENV (both forms) or ARG instruction; a value is null when ARG has no default.</summary>
    public static IEnumerable<(string Key, string? Value)> Variables(DockerInstruction instruction)
    {
        var args = instruction.Arguments;
        if (instruction.Keyword == "ENV" && !FirstWord(args).Contains('='))
        {
            // Legacy form: ENV KEY value with spaces
            var key = FirstWord(args);
            yield return (key, Unquote(args[key.Length..].Trim()));
            yield break;
        }

        foreach (var word in Words(args))
        {
            var eq = word.IndexOf('=');
            yield return eq < 0 ? (word, null) : (word[..eq], Unquote(word[(eq + 1)..]));
        }
    }

    private static string FirstWord(string text)
    {
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? text : text[..space];
    }

    /// <summary>Splits on whitespace outside quotes.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var current = new System.Text.StringBuilder();
        char quote = '\0';
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                current.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0] ? value[1..^1] : value;
}

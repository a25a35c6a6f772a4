using System;
using System.Collections.Generic;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// Commands that run a program as another user, as container entrypoints use them to start as root and drop it:
    /// <c>gosu app dotnet Api.dll</c>, <c>su-exec app …</c>, <c>setpriv --reuid=app …</c>, <c>s6-setuidgid app …</c>,
    /// <c>chpst -u app …</c>. Matched as whole command words (a path prefix allowed: <c>/usr/sbin/gosu</c>).
    /// </summary>
    internal static class PrivilegeDrop
    {
        /// <summary>True when the command line (shell or JSON form) runs its program through a user switch.</summary>
        public static bool In(string command)
        {
            var tokens = Tokens(command);
            for (var i = 0; i < tokens.Count; i++)
            {
                switch (BaseName(tokens[i]))
                {
                    case "gosu":
                    case "su-exec":
                    case "s6-setuidgid":
                        return i + 1 < tokens.Count;
                    case "setpriv":
                        for (var j = i + 1; j < tokens.Count; j++)
                        {
                            if (tokens[j].StartsWith("--reuid", StringComparison.Ordinal))
                            {
                                return true;
                            }
                        }

                        break;
                    case "chpst":
                        for (var j = i + 1; j < tokens.Count && tokens[j].StartsWith("-", StringComparison.Ordinal); j++)
                        {
                            if (tokens[j].StartsWith("-u", StringComparison.Ordinal))
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>True when a line of a shell script that is not a comment switches user.</summary>
        public static bool InScript(string script)
        {
            foreach (var rawLine in script.Split('\n'))
            {
                var line = rawLine.Trim();
                if (line.Length > 0 && line[0] != '#' && In(line))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The words of a command line: split on whitespace, quotes, brackets, commas and shell separators.</summary>
        public static List<string> Tokens(string command)
        {
            var tokens = new List<string>();
            var start = -1;
            for (var i = 0; i <= command.Length; i++)
            {
                var separator = i == command.Length || IsSeparator(command[i]);
                if (separator && start >= 0)
                {
                    tokens.Add(command.Substring(start, i - start));
                    start = -1;
                }
                else if (!separator && start < 0)
                {
                    start = i;
                }
            }

            return tokens;
        }

        private static bool IsSeparator(char c)
            => char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == '[' || c == ']' || c == ',' || c == ';' || c == '&' || c == '|' || c == '\\';

        private static string BaseName(string token)
        {
            var slash = token.LastIndexOf('/');
            return slash >= 0 ? token.Substring(slash + 1) : token;
        }
    }
}

using System.Text;

namespace Readiness.Cli.Discovery;

/// <summary>The outcome of reading a text file: its text, or why it was not read.</summary>
internal readonly record struct TextFileResult(string? Text, string? SkipReason)
{
    public bool IsRead => Text is not null;
}

/// <summary>
/// Reads a repository file as strict UTF-8 text. A file that is too large, holds NUL bytes (binary), is not valid
/// UTF-8 or cannot be opened is not read; the reason says which, so the report can name what it skipped.
/// </summary>
internal static class TextFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TextFileResult Read(string path, long maxBytes)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new(null, "file not found");
            }

            if (info.Length > maxBytes)
            {
                return new(null, $"too large ({FormatSize(info.Length)}; the limit is {FormatSize(maxBytes)})");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, "unreadable: " + e.Message);
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return new(null, "binary file (contains NUL bytes)");
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new(StrictUtf8.GetString(bytes, start, bytes.Length - start), null);
        }
        catch (DecoderFallbackException e)
        {
            return new(null, $"not valid UTF-8 (invalid byte at offset {e.Index + start})");
        }
    }

    internal static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024.0):0.#} MB"
        : $"{bytes / 1024.0:0.#} KB";
}

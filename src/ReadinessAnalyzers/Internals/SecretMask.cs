namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// The only form in which a secret value may leave an analyzer: the first 4 characters, an ellipsis and the length
    /// (<c>ghp_…(40 chars)</c>). A value shorter than 16 characters shows no prefix at all: 4 characters of a short
    /// password give too much of it away.
    /// </summary>
    internal static class SecretMask
    {
        public static string Mask(string value)
        {
            if (value is null)
            {
                return "…(0 chars)";
            }

            var shown = value.Length >= 16 ? 4 : 0;
            return value.Substring(0, shown) + "…(" + value.Length + " chars)";
        }
    }
}

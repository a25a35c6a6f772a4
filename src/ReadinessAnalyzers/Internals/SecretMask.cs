namespace ReadinessAnalyzers.Internals
{
    /// <summary>
    /// The only form in which a secret value may leave an analyzer: a short prefix, an ellipsis and the length.
    /// </summary>
    internal static class SecretMask
    {
        public static string Mask(string value)
        {
            if (value is null)
            {
                return "…(0 chars)";
            }

            // Short values reveal too much through a prefix: show none of them.
            var shown = value.Length >= 16 ? 4 : value.Length >= 8 ? 2 : 0;
            return value.Substring(0, shown) + "…(" + value.Length + " chars)";
        }
    }
}

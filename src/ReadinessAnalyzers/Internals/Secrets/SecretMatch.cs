namespace ReadinessAnalyzers.Internals.Secrets
{
    /// <summary>One secret found in a text: where the secret value is, and which format it has.</summary>
    internal readonly struct SecretMatch
    {
        public SecretMatch(int start, int length, SecretFormat format)
        {
            Start = start;
            Length = length;
            Format = format;
        }

        /// <summary>Index of the secret's first character in the scanned text.</summary>
        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        public SecretFormat Format { get; }

        public override string ToString() => Format.Id + "@" + Start + "+" + Length;
    }
}

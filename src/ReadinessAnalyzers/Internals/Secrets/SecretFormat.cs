using System.Collections.Generic;

namespace ReadinessAnalyzers.Internals.Secrets
{
    /// <summary>
    /// Finds one occurrence of a format around a keyword hit. Returns the length of the secret (0: none) and its start.
    /// The secret is the part a diagnostic points at and masks: the token, the password, the key value.
    /// </summary>
    /// <param name="text">The whole text being scanned.</param>
    /// <param name="keywordStart">Where the keyword that triggered the check starts.</param>
    /// <param name="keywordEnd">Where that keyword ends (exclusive).</param>
    /// <param name="regionStart">Start of the scanned region; nothing before it may be read.</param>
    /// <param name="regionEnd">End of the scanned region (exclusive); nothing after it may be read.</param>
    internal delegate int SecretMatcher(string text, int keywordStart, int keywordEnd, int regionStart, int regionEnd, out int start);

    /// <summary>A provider's secret format: what it is called, the keywords that announce it, how to validate it.</summary>
    internal sealed class SecretFormat
    {
        internal SecretFormat(
            string id,
            string name,
            string provider,
            string[] keywords,
            bool keywordsCaseSensitive,
            SecretMatcher matcher,
            bool hasChecksum = false,
            bool isTestCredential = false)
        {
            Id = id;
            Name = name;
            Provider = provider;
            Keywords = keywords;
            KeywordsCaseSensitive = keywordsCaseSensitive;
            Matcher = matcher;
            HasChecksum = hasChecksum;
            IsTestCredential = isTestCredential;
        }

        /// <summary>Stable kebab-case identifier, e.g. <c>github-pat-classic</c>.</summary>
        public string Id { get; }

        /// <summary>What a message calls it, e.g. "GitHub personal access token (classic)".</summary>
        public string Name { get; }

        /// <summary>Who issues it, e.g. "GitHub".</summary>
        public string Provider { get; }

        /// <summary>The literal keywords (prefixes or context words) whose presence makes the format possible.</summary>
        public IReadOnlyList<string> Keywords { get; }

        /// <summary>True when the keywords must match with their exact case (token prefixes); false for context words.</summary>
        public bool KeywordsCaseSensitive { get; }

        /// <summary>True when a match passed the format's own checksum (GitHub, npm): near certainty it was issued.</summary>
        public bool HasChecksum { get; }

        /// <summary>
        /// True for credentials of a provider's test mode (Stripe <c>sk_test_</c>): they move no money and reach no live
        /// data, but they are still revocable credentials of the account and do not belong in source.
        /// </summary>
        public bool IsTestCredential { get; }

        /// <summary>Order in <see cref="SecretFormatScanner.Formats"/>; the lower wins when two formats claim the same span.</summary>
        public int Priority { get; internal set; }

        internal SecretMatcher Matcher { get; }

        public override string ToString() => Id;
    }
}

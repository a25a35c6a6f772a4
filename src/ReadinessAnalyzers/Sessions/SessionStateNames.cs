using System;
using System.Collections.Generic;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Sessions
{
    /// <summary>
    /// Decides whether a field, property or element type name says it holds per-user state: sessions, carts, baskets,
    /// tickets, refresh tokens, one-time or verification codes, logins, user state (<c>_sessions</c>, <c>UserCarts</c>,
    /// <c>RefreshToken</c>, <c>_otpCodes</c>). A trailing word that makes it a lookup table or a setting
    /// (<c>SessionOptions</c>, <c>TokenTypes</c>, <c>TicketStatusNames</c>) says it does not.
    /// </summary>
    internal static class SessionStateNames
    {
        /// <summary>Words that name per-user state on their own.</summary>
        private static readonly HashSet<string> StateWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "session", "sessions", "cart", "carts", "basket", "baskets", "ticket", "tickets", "otp", "otps", "totp",
            "login", "logins", "logon", "logons", "signin", "signins", "nonce", "nonces",
        };

        /// <summary>Tokens that are not a user's: CancellationToken, SyntaxToken, continuation and paging tokens.</summary>
        private static readonly HashSet<string> NonUserTokenKinds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "cancellation", "continuation", "page", "paging", "next", "syntax", "change", "lexer", "parser", "sync", "csrf",
        };

        /// <summary>Words before "code(s)" that make it a one-time code: OneTimeCode, VerificationCodes, OtpCode, ResetCode.</summary>
        private static readonly HashSet<string> CodeQualifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "time", "verification", "verify", "confirmation", "confirm", "otp", "login", "signin", "reset", "sms", "email",
            "mfa", "factor", "auth", "authorization", "magic", "activation", "access",
        };

        /// <summary>Trailing words that turn the name into a lookup table or setting about the state, not the state.</summary>
        private static readonly HashSet<string> DescriptiveSuffixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "option", "options", "setting", "settings", "config", "configuration", "type", "types", "kind", "kinds", "name",
            "names", "scheme", "schemes", "handler", "handlers", "factory", "factories", "format", "formats", "formatter",
            "formatters", "policy", "policies", "timeout", "timeouts", "lifetime", "lifetimes", "expiry", "expiration",
            "template", "templates", "status", "statuses", "label", "labels", "description", "descriptions", "message",
            "messages", "prefix", "prefixes", "header", "headers", "endpoint", "endpoints", "route", "routes", "validation",
            "validator", "validators", "parameters", "provider", "providers", "serializer", "serializers", "key", "keys",
            "lock", "locks", "semaphore", "semaphores", "length", "source", "sources", "field", "fields", "column", "columns",
            "attribute", "attributes", "constants", "defaults",
        };

        /// <summary>True when <paramref name="name"/> (an identifier or a type name) says it holds per-user state.</summary>
        public static bool IsSessionStateName(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            var words = CredentialNames.SplitWords(name!);
            var stateAt = -1;
            for (var i = 0; i < words.Count; i++)
            {
                if (IsStateWord(words, i))
                {
                    stateAt = i;
                }
            }

            if (stateAt < 0)
            {
                return false;
            }

            for (var i = stateAt + 1; i < words.Count; i++)
            {
                if (DescriptiveSuffixes.Contains(words[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsStateWord(List<string> words, int index)
        {
            var word = words[index];
            if (StateWords.Contains(word))
            {
                return true;
            }

            if (word == "token" || word == "tokens")
            {
                return index == 0 || !NonUserTokenKinds.Contains(words[index - 1]);
            }

            if (word == "code" || word == "codes")
            {
                return index > 0 && CodeQualifiers.Contains(words[index - 1]);
            }

            // "UserState", "user_states"; state alone is too common (ModelState, ViewState).
            return (word == "state" || word == "states") && index > 0 && words[index - 1] == "user";
        }
    }
}

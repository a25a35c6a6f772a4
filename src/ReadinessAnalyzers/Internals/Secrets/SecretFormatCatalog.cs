using System.Collections.Generic;
using static ReadinessAnalyzers.Internals.Secrets.TokenShapes;

namespace ReadinessAnalyzers.Internals.Secrets
{
    /// <summary>
    /// The provider formats, most specific first (order is priority when two formats claim the same span). Each entry names
    /// its keywords (what the prefilter looks for) and its matcher (the precise check). Sources: the providers' published
    /// token formats, and the prefixes and lengths the established scanners (gitleaks, trufflehog, GitHub secret scanning)
    /// agree on.
    /// </summary>
    internal static class SecretFormatCatalog
    {
        // Initialized before All: static initializers run in text order.
        private static readonly string[] PasswordKeywords = { "password", "pwd" };

        private static readonly string[] DatadogKeywords =
        {
            "datadog", "dd_api_key", "dd-api-key", "ddapikey", "dd_app_key", "dd-app-key", "ddappkey", "dd_application_key", "dd-application-key",
        };

        public static readonly SecretFormat[] All = Build();

        private static SecretFormat[] Build()
        {
            var formats = new List<SecretFormat>
            {
                // ------------------------------------------------------------ AWS
                Prefixed("aws-access-key-id", "AWS access key ID", "AWS", new[] { "AKIA", "ASIA", "ABIA", "ACCA" }, TokenChars.Base32Upper, 16, 16),
                Context("aws-secret-access-key", "AWS secret access key", "AWS",
                    new[] { "secret_access_key", "secretaccesskey", "secret-access-key", "aws_secret", "awssecret", "aws-secret" },
                    InLine(TokenChars.Base64, 40, 40, (t, s, l) => HasUpperLowerDigit(t, s, l) && TokenText.DistinctCount(t, s, l) >= 15)),
                Prefixed("aws-mws-auth-token", "Amazon MWS auth token", "AWS", new[] { "amzn.mws." }, TokenChars.Hex | TokenChars.Dash, 36, 36,
                    Body(9, IsUuidAt)),

                // ------------------------------------------------------------ Azure
                Context("azure-storage-account-key", "Azure Storage account key", "Microsoft Azure", new[] { "accountkey=" },
                    StructuredMatchers.AzureKey(88, AzureService.Storage)),
                Context("azure-cosmos-db-key", "Azure Cosmos DB account key", "Microsoft Azure", new[] { "accountkey=" },
                    StructuredMatchers.AzureKey(88, AzureService.CosmosDb)),
                Context("azure-service-bus-key", "Azure Service Bus / Event Hubs shared access key", "Microsoft Azure", new[] { "sharedaccesskey=" },
                    StructuredMatchers.AzureKey(44, AzureService.ServiceBus)),
                Context("azure-iot-hub-key", "Azure IoT Hub shared access key", "Microsoft Azure", new[] { "sharedaccesskey=" },
                    StructuredMatchers.AzureKey(44, AzureService.IotHub)),
                Context("azure-shared-access-key", "Azure shared access key", "Microsoft Azure", new[] { "sharedaccesskey=" },
                    StructuredMatchers.AzureKey(44, AzureService.Other)),
                Context("azure-signalr-access-key", "Azure SignalR Service access key", "Microsoft Azure", new[] { "accesskey=" },
                    StructuredMatchers.AzureKey(44, AzureService.SignalR)),
                Context("azure-web-pubsub-access-key", "Azure Web PubSub access key", "Microsoft Azure", new[] { "accesskey=" },
                    StructuredMatchers.AzureKey(44, AzureService.WebPubSub)),
                Context("azure-app-configuration-secret", "Azure App Configuration access key secret", "Microsoft Azure", new[] { "secret=" },
                    StructuredMatchers.AzureKey(44, AzureService.AppConfiguration)),
                Context("azure-storage-sas-token", "Azure shared access signature (SAS token)", "Microsoft Azure", new[] { "sig=" },
                    StructuredMatchers.SharedAccessSignature(logicApps: false)),
                Context("azure-logic-apps-signature", "Azure Logic Apps / Power Automate trigger URL signature", "Microsoft Azure", new[] { "sig=" },
                    StructuredMatchers.SharedAccessSignature(logicApps: true)),
                Exact("azure-entra-client-secret", "Microsoft Entra ID (Azure AD) client secret", "Microsoft Azure", new[] { "Q~" },
                    Around(TokenChars.Alnum | TokenChars.Underscore | TokenChars.Tilde | TokenChars.Dot | TokenChars.Dash, 41, EntraClientSecret)),
                Context("azure-devops-pat", "Azure DevOps personal access token", "Microsoft Azure",
                    new[]
                    {
                        "dev.azure.com", "visualstudio.com", "azuredevops", "azure_devops", "azure-devops", "azure devops", "ado_pat", "ado-pat",
                        "adopat", "azdo_pat", "azdo-pat", "devops_pat", "devops-pat", "vsts", "system_accesstoken", "system.accesstoken",
                    },
                    InLine(TokenChars.Base32Lower, 52, 52, (t, s, l) => HasLetterAndDigit(t, s, l) && TokenText.DistinctCount(t, s, l) >= 12)),
                Exact("azure-devops-pat-v2", "Azure DevOps personal access token", "Microsoft Azure", new[] { "AZDO" },
                    Around(TokenChars.Alnum, 85, (t, s, l) => l == 84 && string.CompareOrdinal(t, s + 76, "AZDO", 0, 4) == 0
                        && !TokenText.LooksFake(t, s, 76))),
                Context("azure-ai-services-key", "Azure AI services (Cognitive Services / Azure OpenAI) key", "Microsoft Azure",
                    new[] { "cognitiveservices.azure.com", "openai.azure.com", "api.cognitive.microsoft.com", "azure_openai", "azureopenai", "cognitive_services" },
                    InLine(TokenChars.HexLower, 32, 32, HasLetterAndDigit)),
                Context("azure-apim-subscription-key", "Azure API Management subscription key", "Microsoft Azure",
                    new[] { "ocp-apim-subscription-key", "apimsubscriptionkey", "apim_subscription_key" },
                    InLine(TokenChars.HexLower, 32, 32, HasLetterAndDigit)),

                // ------------------------------------------------------------ Google Cloud
                Prefixed("gcp-api-key", "Google API key", "Google Cloud", new[] { "AIza" }, TokenChars.Base64Url, 35, 35),
                Exact("gcp-service-account-key", "Google Cloud service account key (JSON)", "Google Cloud", new[] { "service_account" },
                    StructuredMatchers.GcpServiceAccount),
                Prefixed("gcp-oauth-client-secret", "Google OAuth client secret", "Google Cloud", new[] { "GOCSPX-" }, TokenChars.Base64Url, 28, 28),

                // ------------------------------------------------------------ GitHub
                Checksummed("github-pat-classic", "GitHub personal access token (classic)", "ghp_"),
                Checksummed("github-oauth-token", "GitHub OAuth access token", "gho_"),
                Checksummed("github-user-to-server-token", "GitHub App user-to-server token", "ghu_"),
                Checksummed("github-server-to-server-token", "GitHub App installation (server-to-server) token", "ghs_"),
                Checksummed("github-refresh-token", "GitHub App refresh token", "ghr_"),
                Prefixed("github-pat-fine-grained", "GitHub fine-grained personal access token", "GitHub", new[] { "github_pat_" }, TokenChars.Word, 82, 82,
                    Body(11, (t, s, l) => t[s + 22] == '_' && TokenText.All(t, s, 22, TokenChars.Alnum) && TokenText.All(t, s + 23, 59, TokenChars.Alnum))),

                // ------------------------------------------------------------ GitLab
                Prefixed("gitlab-pat", "GitLab personal access token", "GitLab", new[] { "glpat-" }, TokenChars.Base64Url | TokenChars.Dot, 20, 320,
                    Body(6, GitLabBody)),
                Prefixed("gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", "GitLab", new[] { "glptt-" }, TokenChars.HexLower, 40, 40),
                Prefixed("gitlab-runner-registration-token", "GitLab runner registration token", "GitLab", new[] { "GR1348941" }, TokenChars.Base64Url, 20, 20),
                Prefixed("gitlab-runner-token", "GitLab runner authentication token", "GitLab", new[] { "glrt-" }, TokenChars.Base64Url | TokenChars.Dot, 20, 320,
                    Body(5, GitLabBody)),
                Prefixed("gitlab-deploy-token", "GitLab deploy token", "GitLab", new[] { "gldt-" }, TokenChars.Base64Url, 20, 20),
                Prefixed("gitlab-feed-token", "GitLab feed token", "GitLab", new[] { "glft-" }, TokenChars.Base64Url, 20, 20),
                Prefixed("gitlab-oauth-app-secret", "GitLab OAuth application secret", "GitLab", new[] { "gloas-" }, TokenChars.Base64Url, 64, 64),

                // ------------------------------------------------------------ Atlassian
                Prefixed("atlassian-api-token", "Atlassian API token", "Atlassian", new[] { "ATATT3" }, TokenChars.Base64Url | TokenChars.Equals, 186, 186),
                Prefixed("bitbucket-app-password", "Bitbucket app password", "Atlassian", new[] { "ATBB" }, TokenChars.Alnum, 32, 32),

                // ------------------------------------------------------------ chat and webhooks
                Prefixed("slack-bot-token", "Slack bot token", "Slack", new[] { "xoxb-" }, TokenChars.Alnum | TokenChars.Dash, 20, 255, Body(5, SlackBody)),
                Prefixed("slack-user-token", "Slack user token", "Slack", new[] { "xoxp-" }, TokenChars.Alnum | TokenChars.Dash, 20, 255, Body(5, SlackBody)),
                Prefixed("slack-app-token", "Slack app-level token", "Slack", new[] { "xapp-" }, TokenChars.Alnum | TokenChars.Dash, 20, 255, Body(5, SlackBody)),
                Prefixed("slack-workspace-token", "Slack workspace access or refresh token", "Slack", new[] { "xoxa-", "xoxr-" },
                    TokenChars.Alnum | TokenChars.Dash, 8, 255, Body(5, HasLetterAndDigit)),
                Context("slack-webhook-url", "Slack incoming webhook URL", "Slack", new[] { "hooks.slack.com/" }, StructuredMatchers.SlackWebhook),
                Context("teams-webhook-url", "Microsoft Teams incoming webhook URL", "Microsoft", new[] { ".webhook.office.com/webhookb2/" },
                    StructuredMatchers.TeamsWebhook),
                Context("discord-webhook-url", "Discord webhook URL", "Discord", new[] { "discord.com/api/webhooks/", "discordapp.com/api/webhooks/" },
                    StructuredMatchers.DiscordWebhook),
                Context("discord-bot-token", "Discord bot token", "Discord", new[] { "discord" },
                    InLine(TokenChars.Base64Url | TokenChars.Dot, 59, 75, DiscordBotToken)),
                Exact("telegram-bot-token", "Telegram bot token", "Telegram", new[] { ":AA" }, StructuredMatchers.Telegram),

                // ------------------------------------------------------------ payments
                Prefixed("stripe-secret-key", "Stripe live secret key", "Stripe", new[] { "sk_live_" }, TokenChars.Alnum, 20, 247),
                Prefixed("stripe-restricted-key", "Stripe live restricted key", "Stripe", new[] { "rk_live_" }, TokenChars.Alnum, 20, 247),
                Prefixed("stripe-test-key", "Stripe test-mode secret key", "Stripe", new[] { "sk_test_", "rk_test_" }, TokenChars.Alnum, 20, 247,
                    isTestCredential: true),
                Prefixed("stripe-webhook-secret", "Stripe webhook signing secret", "Stripe", new[] { "whsec_" }, TokenChars.Base64, 32, 64, padding: true),
                Prefixed("square-access-token", "Square access token", "Square", new[] { "sq0atp-" }, TokenChars.Base64Url, 22, 22),
                Prefixed("square-oauth-secret", "Square OAuth application secret", "Square", new[] { "sq0csp-" }, TokenChars.Base64Url, 43, 43),
                Prefixed("square-production-token", "Square production access token", "Square", new[] { "EAAA" }, TokenChars.Base64Url, 60, 60,
                    Body(4, HasUpperLowerDigit)),
                Exact("braintree-access-token", "PayPal Braintree production access token", "PayPal", new[] { "access_token$production$" },
                    StructuredMatchers.Braintree),

                // ------------------------------------------------------------ AI
                Exact("openai-project-key", "OpenAI project API key", "OpenAI", new[] { "T3BlbkFJ" }, Around(TokenChars.Base64Url, 200, OpenAi("sk-proj-"))),
                Exact("openai-service-account-key", "OpenAI service account key", "OpenAI", new[] { "T3BlbkFJ" }, Around(TokenChars.Base64Url, 200, OpenAi("sk-svcacct-"))),
                Exact("openai-admin-key", "OpenAI admin key", "OpenAI", new[] { "T3BlbkFJ" }, Around(TokenChars.Base64Url, 200, OpenAi("sk-admin-"))),
                Exact("openai-api-key", "OpenAI API key (legacy user key)", "OpenAI", new[] { "T3BlbkFJ" }, Around(TokenChars.Base64Url, 200, OpenAiLegacy)),
                Prefixed("anthropic-api-key", "Anthropic API key", "Anthropic", new[] { "sk-ant-api03-" }, TokenChars.Base64Url, 95, 95,
                    Body(13, EndsWithAA)),
                Prefixed("anthropic-admin-key", "Anthropic admin API key", "Anthropic", new[] { "sk-ant-admin01-" }, TokenChars.Base64Url, 95, 95,
                    Body(15, EndsWithAA)),
                Prefixed("huggingface-token", "Hugging Face access token", "Hugging Face", new[] { "hf_" }, TokenChars.Upper | TokenChars.Lower, 34, 34,
                    Body(3, (t, s, l) => TokenText.Contains(t, s, l, TokenChars.Upper) && TokenText.Contains(t, s, l, TokenChars.Lower))),
                Prefixed("huggingface-org-token", "Hugging Face organization API token", "Hugging Face", new[] { "api_org_" },
                    TokenChars.Upper | TokenChars.Lower, 34, 34),
                Prefixed("groq-api-key", "Groq API key", "Groq", new[] { "gsk_" }, TokenChars.Alnum, 52, 52, Body(4, HasUpperLowerDigit)),
                Prefixed("perplexity-api-key", "Perplexity API key", "Perplexity", new[] { "pplx-" }, TokenChars.Alnum, 48, 48, Body(5, HasLetterAndDigit)),

                // ------------------------------------------------------------ messaging and email
                Prefixed("twilio-api-key", "Twilio API key SID", "Twilio", new[] { "SK" }, TokenChars.HexLower, 32, 32, Body(2, HasLetterAndDigit)),
                Context("twilio-auth-token", "Twilio auth token", "Twilio", new[] { "authtoken", "auth_token", "auth-token" }, StructuredMatchers.TwilioAuthToken),
                Prefixed("sendgrid-api-key", "SendGrid API key", "Twilio SendGrid", new[] { "SG." }, TokenChars.Base64Url | TokenChars.Dot, 66, 66,
                    Body(3, (t, s, l) => t[s + 22] == '.' && TokenText.All(t, s, 22, TokenChars.Base64Url) && TokenText.All(t, s + 23, 43, TokenChars.Base64Url))),
                Context("mailgun-api-key", "Mailgun API key", "Mailgun", new[] { "mailgun" },
                    InLine(TokenChars.LowerAlnum | TokenChars.Dash, 36, 50, MailgunKey)),
                Exact("mailchimp-api-key", "Mailchimp API key", "Mailchimp", new[] { "-us" }, StructuredMatchers.Mailchimp),

                // ------------------------------------------------------------ package registries
                Checksummed("npm-token", "npm access token", "npm_", provider: "npm"),
                Prefixed("nuget-api-key", "NuGet.org API key", "NuGet", new[] { "oy2" }, TokenChars.LowerAlnum, 43, 43, Body(3, HasLetterAndDigit)),
                Prefixed("pypi-token", "PyPI upload token", "PyPI", new[] { "pypi-AgEIcHlwaS5vcmc" }, TokenChars.Base64Url, 50, 1000),
                Prefixed("jfrog-api-key", "JFrog Artifactory API key", "JFrog", new[] { "AKCp" }, TokenChars.Alnum, 69, 69),
                Prefixed("jfrog-reference-token", "JFrog Artifactory reference token", "JFrog", new[] { "cmVmdGtu" }, TokenChars.Alnum, 56, 56),
                Prefixed("rubygems-api-key", "RubyGems API key", "RubyGems", new[] { "rubygems_" }, TokenChars.HexLower, 48, 48),
                Prefixed("dockerhub-pat", "Docker Hub personal access token", "Docker", new[] { "dckr_pat_" }, TokenChars.Base64Url, 27, 27),

                // ------------------------------------------------------------ commerce
                Prefixed("shopify-access-token", "Shopify access token", "Shopify", new[] { "shpat_" }, TokenChars.Hex, 32, 32),
                Prefixed("shopify-custom-app-token", "Shopify custom app access token", "Shopify", new[] { "shpca_" }, TokenChars.Hex, 32, 32),
                Prefixed("shopify-private-app-token", "Shopify private app access token", "Shopify", new[] { "shppa_" }, TokenChars.Hex, 32, 32),
                Prefixed("shopify-shared-secret", "Shopify app shared secret", "Shopify", new[] { "shpss_" }, TokenChars.Hex, 32, 32),

                // ------------------------------------------------------------ hosting
                Prefixed("digitalocean-pat", "DigitalOcean personal access token", "DigitalOcean", new[] { "dop_v1_" }, TokenChars.HexLower, 64, 64),
                Prefixed("digitalocean-oauth-token", "DigitalOcean OAuth access token", "DigitalOcean", new[] { "doo_v1_" }, TokenChars.HexLower, 64, 64),
                Prefixed("digitalocean-refresh-token", "DigitalOcean OAuth refresh token", "DigitalOcean", new[] { "dor_v1_" }, TokenChars.HexLower, 64, 64),
                Prefixed("heroku-api-key-v2", "Heroku API key", "Heroku", new[] { "HRKU-AA" }, TokenChars.Base64Url, 58, 58),
                Context("heroku-api-key", "Heroku API key (legacy UUID)", "Heroku", new[] { "heroku" }, InLine(TokenChars.Hex | TokenChars.Dash, 36, 36, IsUuidAt)),
                Prefixed("cloudflare-origin-ca-key", "Cloudflare Origin CA key", "Cloudflare", new[] { "v1.0-" }, TokenChars.HexLower | TokenChars.Dash, 171, 171,
                    Body(5, (t, s, l) => t[s + 24] == '-' && TokenText.All(t, s, 24, TokenChars.HexLower) && TokenText.All(t, s + 25, 146, TokenChars.HexLower))),
                Prefixed("supabase-access-token", "Supabase access token", "Supabase", new[] { "sbp_" }, TokenChars.HexLower, 40, 40),
                Prefixed("planetscale-token", "PlanetScale service token or password", "PlanetScale", new[] { "pscale_tkn_", "pscale_pw_", "pscale_oauth_" },
                    TokenChars.Base64Url | TokenChars.Dot | TokenChars.Equals, 32, 64),

                // ------------------------------------------------------------ infrastructure and secrets managers
                Prefixed("vault-service-token", "HashiCorp Vault service token", "HashiCorp", new[] { "hvs." }, TokenChars.Base64Url, 90, 120),
                Prefixed("vault-batch-token", "HashiCorp Vault batch token", "HashiCorp", new[] { "hvb." }, TokenChars.Base64Url, 138, 300),
                Context("vault-legacy-token", "HashiCorp Vault token (legacy s. format)", "HashiCorp", new[] { "vault" },
                    InLine(TokenChars.Alnum | TokenChars.Dot, 26, 26, (t, s, l) => t[s] == 's' && t[s + 1] == '.' && TokenText.All(t, s + 2, 24, TokenChars.Alnum)
                        && TokenText.Contains(t, s + 2, 24, TokenChars.Upper) && TokenText.Contains(t, s + 2, 24, TokenChars.Lower))),
                Exact("terraform-cloud-token", "Terraform Cloud / HCP Terraform API token", "HashiCorp", new[] { ".atlasv1." },
                    Around(TokenChars.Base64Url | TokenChars.Dot | TokenChars.Equals, 100, TerraformToken)),
                Prefixed("pulumi-access-token", "Pulumi access token", "Pulumi", new[] { "pul-" }, TokenChars.HexLower, 40, 40),
                Prefixed("doppler-personal-token", "Doppler personal token", "Doppler", new[] { "dp.pt." }, TokenChars.Alnum, 40, 44),
                Prefixed("doppler-service-token", "Doppler service token", "Doppler", new[] { "dp.st." }, TokenChars.Alnum | TokenChars.Dot | TokenChars.Underscore | TokenChars.Dash,
                    40, 80, Body(6, DopplerServiceBody)),
                Prefixed("doppler-cli-token", "Doppler CLI token", "Doppler", new[] { "dp.ct." }, TokenChars.Alnum, 40, 44),
                Prefixed("onepassword-service-account-token", "1Password service account token", "1Password", new[] { "ops_eyJ" },
                    TokenChars.Base64, 250, 4096, padding: true),
                Prefixed("age-secret-key", "age encryption secret key", "age", new[] { "AGE-SECRET-KEY-1" }, TokenChars.UpperAlnum, 58, 58,
                    Body(16, (t, s, l) => Bech32(t, s, l))),

                // ------------------------------------------------------------ data and developer platforms
                Prefixed("databricks-token", "Databricks personal access token", "Databricks", new[] { "dapi" }, TokenChars.HexLower, 32, 32, Body(4, HasLetterAndDigit)),
                Prefixed("postman-api-key", "Postman API key", "Postman", new[] { "PMAK-" }, TokenChars.HexLower | TokenChars.Dash, 59, 59,
                    Body(5, (t, s, l) => t[s + 24] == '-' && TokenText.All(t, s, 24, TokenChars.HexLower) && TokenText.All(t, s + 25, 34, TokenChars.HexLower))),
                Prefixed("linear-api-key", "Linear API key", "Linear", new[] { "lin_api_" }, TokenChars.Alnum, 40, 40),
                Prefixed("notion-token", "Notion integration token", "Notion", new[] { "ntn_" }, TokenChars.Alnum, 46, 46,
                    Body(4, (t, s, l) => TokenText.All(t, s, 11, TokenChars.Digit))),

                // ------------------------------------------------------------ observability
                Prefixed("grafana-cloud-token", "Grafana Cloud API token", "Grafana Labs", new[] { "glc_" }, TokenChars.Base64, 32, 400, padding: true),
                Prefixed("grafana-service-account-token", "Grafana service account token", "Grafana Labs", new[] { "glsa_" }, TokenChars.Word, 41, 41,
                    Body(5, (t, s, l) => t[s + 32] == '_' && TokenText.All(t, s, 32, TokenChars.Alnum) && TokenText.All(t, s + 33, 8, TokenChars.Hex))),
                Prefixed("sentry-org-token", "Sentry organization auth token", "Sentry", new[] { "sntrys_" }, TokenChars.Base64 | TokenChars.Underscore | TokenChars.Equals,
                    80, 600, Body(7, (t, s, l) => t[s] == 'e' && t[s + 1] == 'y' && t[s + 2] == 'J')),
                Prefixed("sentry-user-token", "Sentry user auth token", "Sentry", new[] { "sntryu_" }, TokenChars.HexLower, 64, 64),
                Context("sentry-dsn-secret", "Sentry DSN secret key", "Sentry", new[] { "sentry" }, StructuredMatchers.SentryDsnSecret),
                Context("datadog-api-key", "Datadog API key", "Datadog", DatadogKeywords, InLine(TokenChars.HexLower, 32, 32, HasLetterAndDigit)),
                Context("datadog-app-key", "Datadog application key", "Datadog", DatadogKeywords, InLine(TokenChars.HexLower, 40, 40, HasLetterAndDigit)),
                Prefixed("newrelic-user-api-key", "New Relic user API key", "New Relic", new[] { "NRAK-" }, TokenChars.UpperAlnum, 27, 27),
                Prefixed("newrelic-insert-key", "New Relic Insights insert key", "New Relic", new[] { "NRII-" }, TokenChars.Alnum | TokenChars.Dash, 32, 32),
                Exact("newrelic-license-key", "New Relic license (ingest) key", "New Relic", new[] { "NRAL" },
                    Around(TokenChars.Alnum, 41, (t, s, l) => l == 40 && string.CompareOrdinal(t, s + 36, "NRAL", 0, 4) == 0
                        && TokenText.All(t, s, 36, TokenChars.LowerAlnum) && HasLetterAndDigit(t, s, 36))),
                Prefixed("dynatrace-api-token", "Dynatrace API token", "Dynatrace", new[] { "dt0c01." }, TokenChars.UpperAlnum | TokenChars.Dot, 89, 89,
                    Body(7, (t, s, l) => t[s + 24] == '.' && TokenText.All(t, s, 24, TokenChars.UpperAlnum) && TokenText.All(t, s + 25, 64, TokenChars.UpperAlnum))),

                // ------------------------------------------------------------ tokens and keys in standard formats
                Exact("jwt", "JSON Web Token", "JWT", new[] { "eyJ" }, StructuredMatchers.Jwt),
                Exact("openssh-private-key", "OpenSSH private key", "SSH", new[] { "-----BEGIN " },
                    StructuredMatchers.PrivateKeyBlock(StructuredMatchers.KeyBlock.OpenSsh)),
                Exact("pgp-private-key", "PGP private key block", "OpenPGP", new[] { "-----BEGIN " }, StructuredMatchers.PrivateKeyBlock(StructuredMatchers.KeyBlock.Pgp)),
                Exact("private-key", "PEM private key", "PKCS", new[] { "-----BEGIN " }, StructuredMatchers.PrivateKeyBlock(StructuredMatchers.KeyBlock.Pem)),
                Exact("putty-private-key", "PuTTY private key", "PuTTY", new[] { "PuTTY-User-Key-File-" }, StructuredMatchers.PuttyKey),
                Exact("jwk-private-key", "private JSON Web Key", "JWK", new[] { "\"d\":", "\"d\" :", "\\\"d\\\":", "'d':", "'d' :" }, StructuredMatchers.JwkPrivateKey),

                // ------------------------------------------------------------ .NET configuration
                Context("aspnet-machinekey-validation-key", "ASP.NET machineKey validationKey", "ASP.NET", new[] { "validationkey=" },
                    StructuredMatchers.MachineKey(40)),
                Context("aspnet-machinekey-decryption-key", "ASP.NET machineKey decryptionKey", "ASP.NET", new[] { "decryptionkey=" },
                    StructuredMatchers.MachineKey(48)),
                Context("nuget-config-password", "nuget.config ClearTextPassword", "NuGet", new[] { "cleartextpassword" },
                    StructuredMatchers.NuGetClearTextPassword),

                // ------------------------------------------------------------ connection strings and URIs with passwords
                Context("mongodb-uri-password", "MongoDB connection URI password", "MongoDB", new[] { "mongodb://", "mongodb+srv://" },
                    StructuredMatchers.UriPassword(new[] { "mongodb", "mongodb+srv" })),
                Context("redis-uri-password", "Redis connection URI password", "Redis", new[] { "redis://", "rediss://" },
                    StructuredMatchers.UriPassword(new[] { "redis", "rediss" })),
                Context("postgres-uri-password", "PostgreSQL connection URI password", "PostgreSQL", new[] { "postgres://", "postgresql://" },
                    StructuredMatchers.UriPassword(new[] { "postgres", "postgresql" })),
                Context("uri-password", "Password in a URI (user:password@host)", "URI", new[] { "://" }, StructuredMatchers.UriPassword(null)),
                Context("sqlserver-connection-string-password", "SQL Server connection string password", "Microsoft SQL Server", PasswordKeywords,
                    StructuredMatchers.ConnectionStringPassword(ConnectionKind.SqlServer)),
                Context("postgres-connection-string-password", "PostgreSQL (Npgsql) connection string password", "PostgreSQL", PasswordKeywords,
                    StructuredMatchers.ConnectionStringPassword(ConnectionKind.PostgreSql)),
                Context("mysql-connection-string-password", "MySQL connection string password", "MySQL", PasswordKeywords,
                    StructuredMatchers.ConnectionStringPassword(ConnectionKind.MySql)),
                Context("redis-configuration-password", "Redis (StackExchange.Redis) configuration password", "Redis", PasswordKeywords,
                    StructuredMatchers.ConnectionStringPassword(ConnectionKind.Redis)),
                Context("connection-string-password", "Connection string password", "ADO.NET", PasswordKeywords,
                    StructuredMatchers.ConnectionStringPassword(ConnectionKind.Generic)),
            };

            for (var i = 0; i < formats.Count; i++)
            {
                formats[i].Priority = i;
            }

            return formats.ToArray();
        }

        // ---------------------------------------------------------------- builders

        /// <summary>A token announced by its case-sensitive prefix.</summary>
        private static SecretFormat Prefixed(
            string id, string name, string provider, string[] prefixes, TokenChars body, int min, int max, TokenCheck? check = null,
            bool padding = false, bool isTestCredential = false) =>
            new SecretFormat(id, name, provider, prefixes, keywordsCaseSensitive: true, TokenShapes.Prefixed(body, min, max, check, padding),
                isTestCredential: isTestCredential);

        /// <summary>A GitHub-style token: 4-character prefix, 30 base62 characters, CRC32 checksum in 6 base62 characters.</summary>
        private static SecretFormat Checksummed(string id, string name, string prefix, string provider = "GitHub") =>
            new SecretFormat(id, name, provider, new[] { prefix }, keywordsCaseSensitive: true,
                TokenShapes.Prefixed(TokenChars.Alnum, 36, 36, TokenChecksum.IsValidBase62Crc), hasChecksum: true);

        /// <summary>A format announced by a case-sensitive keyword that is not simply its prefix.</summary>
        private static SecretFormat Exact(string id, string name, string provider, string[] keywords, SecretMatcher matcher) =>
            new SecretFormat(id, name, provider, keywords, keywordsCaseSensitive: true, matcher);

        /// <summary>A format announced by a context word, matched ignoring case (keywords are written in lower case).</summary>
        private static SecretFormat Context(string id, string name, string provider, string[] keywords, SecretMatcher matcher) =>
            new SecretFormat(id, name, provider, keywords, keywordsCaseSensitive: false, matcher);

        // ---------------------------------------------------------------- format-specific checks

        private static bool EntraClientSecret(string text, int start, int length)
        {
            // 3 characters, a digit, "Q~", then 31 to 34 characters.
            if (length < 37 || length > 40 || !char.IsDigit(text[start + 3]) || text[start + 4] != 'Q' || text[start + 5] != '~')
            {
                return false;
            }

            return TokenText.All(text, start, 3, TokenChars.Alnum | TokenChars.Underscore | TokenChars.Tilde | TokenChars.Dot)
                && HasUpperLowerDigit(text, start + 6, length - 6) && !TokenText.LooksFake(text, start + 6, length - 6);
        }

        private static bool GitLabBody(string text, int start, int length)
        {
            var dot = text.IndexOf('.', start, length);
            if (dot < 0)
            {
                return length == 20;
            }

            // Routable tokens: base64url payload, '.', then 2 + 7 lower-case alphanumerics.
            return length >= 37 && dot == start + length - 10 && TokenText.All(text, dot + 1, 9, TokenChars.LowerAlnum)
                && TokenText.All(text, start, length - 10, TokenChars.Base64Url);
        }

        private static bool SlackBody(string text, int start, int length)
        {
            // digits-…-alphanumeric secret: a numeric first part, at least one more part, a last part of 8+ characters.
            var firstDash = text.IndexOf('-', start, length);
            var lastDash = text.LastIndexOf('-', start + length - 1, length);
            return firstDash > start && TokenText.All(text, start, firstDash - start, TokenChars.Digit)
                && start + length - lastDash - 1 >= 8 && HasLetterAndDigit(text, lastDash + 1, start + length - lastDash - 1);
        }

        private static bool DiscordBotToken(string text, int start, int length)
        {
            var first = text.IndexOf('.', start, length);
            if (first < 0)
            {
                return false;
            }

            var second = text.IndexOf('.', first + 1, start + length - first - 1);
            if (second < 0 || text.IndexOf('.', second + 1, start + length - second - 1) >= 0)
            {
                return false;
            }

            var c = text[start];
            return (c == 'M' || c == 'N' || c == 'O') && first - start >= 23 && first - start <= 28 && second - first - 1 == 6
                && start + length - second - 1 >= 27 && start + length - second - 1 <= 38;
        }

        private static bool MailgunKey(string text, int start, int length)
        {
            if (length == 36)
            {
                return string.CompareOrdinal(text, start, "key-", 0, 4) == 0 && TokenText.All(text, start + 4, 32, TokenChars.LowerAlnum)
                    && HasLetterAndDigit(text, start + 4, 32);
            }

            return length == 50 && text[start + 32] == '-' && text[start + 41] == '-' && TokenText.All(text, start, 32, TokenChars.HexLower)
                && TokenText.All(text, start + 33, 8, TokenChars.HexLower) && TokenText.All(text, start + 42, 8, TokenChars.HexLower);
        }

        private static TokenCheck OpenAi(string prefix) => (text, start, length) =>
        {
            if (!TokenText.At(text, start, start + length, prefix))
            {
                return false;
            }

            var marker = text.IndexOf("T3BlbkFJ", start, length, System.StringComparison.Ordinal);
            return marker - start - prefix.Length >= 20 && start + length - marker - 8 >= 20;
        };

        private static bool OpenAiLegacy(string text, int start, int length) =>
            length == 51 && TokenText.At(text, start, start + length, "sk-") && string.CompareOrdinal(text, start + 23, "T3BlbkFJ", 0, 8) == 0
            && TokenText.All(text, start + 3, 48, TokenChars.Alnum);

        private static bool EndsWithAA(string text, int start, int length) =>
            text[start + length - 2] == 'A' && text[start + length - 1] == 'A';

        private static bool TerraformToken(string text, int start, int length)
        {
            var marker = text.IndexOf(".atlasv1.", start, length, System.StringComparison.Ordinal);
            var tail = start + length - marker - 9;
            return marker - start == 14 && TokenText.All(text, start, 14, TokenChars.Alnum) && tail >= 60 && tail <= 70
                && TokenText.All(text, marker + 9, tail, TokenChars.Base64Url | TokenChars.Equals);
        }

        private static bool DopplerServiceBody(string text, int start, int length)
        {
            // Optional environment slug and '.', then 40+ alphanumerics.
            var dot = text.LastIndexOf('.', start + length - 1, length);
            var secretStart = dot < 0 ? start : dot + 1;
            var secretLength = start + length - secretStart;
            return secretLength >= 40 && secretLength <= 44 && TokenText.All(text, secretStart, secretLength, TokenChars.Alnum);
        }

        private const string Bech32Alphabet = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

        private static bool Bech32(string text, int start, int length)
        {
            for (var i = start; i < start + length; i++)
            {
                if (Bech32Alphabet.IndexOf(text[i]) < 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}

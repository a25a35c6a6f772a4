using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Tests.Internals;

public class CredentialNamesTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("Password")]
    [InlineData("dbPassword")]
    [InlineData("DB_PASSWORD")]
    [InlineData("ConnectionStrings:DbPassword")]
    [InlineData("ApiKey")]
    [InlineData("apiKey")]
    [InlineData("API_KEY")]
    [InlineData("Jwt:Key")]
    [InlineData("JwtSigningKey")]
    [InlineData("JWTSigningKey")]
    [InlineData("ClientSecret")]
    [InlineData("client_secret")]
    [InlineData("AccessToken")]
    [InlineData("refreshToken")]
    [InlineData("smtpPass")]
    [InlineData("StorageAccountKey")]
    [InlineData("secret")]
    [InlineData("Credentials")]
    [InlineData("ConfirmPassword")]
    [InlineData("Passphrase")]
    [InlineData("DbPasswordValue")]
    [InlineData("SigningKeyBase64")]
    [InlineData("AdminPassword2")]
    [InlineData("Kestrel__Certificates__Default__Password")]
    [InlineData("ApiKeys:Payments")]
    [InlineData("Secrets:Warehouse")]
    public void CredentialNamesAreRecognised(string name) => Assert.True(CredentialNames.Default.IsCredentialName(name));

    [Theory]
    [InlineData("PasswordLabel")]
    [InlineData("passwordQuestion")]
    [InlineData("PasswordPrompt")]
    [InlineData("PasswordMinLength")]
    [InlineData("TokenLifetime")]
    [InlineData("TokenLifetimeMinutes")]
    [InlineData("ApiKeyHeaderName")]
    [InlineData("PasswordKey")]
    [InlineData("PasswordFieldName")]
    [InlineData("IsPasswordValid")]
    [InlineData("RequirePassword")]
    [InlineData("cancellationToken")]
    [InlineData("continuationToken")]
    [InlineData("NextPageToken")]
    [InlineData("PassThrough")]
    [InlineData("Key")]
    [InlineData("CacheKey")]
    [InlineData("PrimaryKeyName")]
    [InlineData("UserName")]
    [InlineData("Description")]
    [InlineData("TokenRefreshed")]
    [InlineData("PasswordExpired")]
    [InlineData("ApiKeyMissing")]
    [InlineData("RefreshTokenRevoked")]
    [InlineData("TokenIdentifier")]
    [InlineData("RotateApiKeyCommand")]
    [InlineData("PasswordResetPurpose")]
    [InlineData("SecretsVersioning")]
    [InlineData("PrivateKeyRegeneration")]
    [InlineData("STOCK_LEVEL_TOKEN_FILTER")]
    [InlineData("PASSWORD_MASK_REPLACEMENT")]
    [InlineData("publicKeyToken")]
    [InlineData("assemblyBinding:publicKeyToken")]
    [InlineData("PublishableKey")]
    [InlineData("Password:RequiredLength")]
    [InlineData("")]
    [InlineData(null)]
    public void NonCredentialNamesAreNotRecognised(string? name) => Assert.False(CredentialNames.Default.IsCredentialName(name));

    [Fact]
    public void ExtraWordsAndExcludedNamesComeFromOptions()
    {
        var names = new CredentialNames(["Kennwort"], ["SecretSantaName", "TokenCount2"]);
        Assert.True(names.IsCredentialName("DbKennwort"));
        Assert.False(names.IsCredentialName("SecretSantaName"));
        Assert.True(names.IsCredentialName("ApiSecret"));
    }

    [Theory]
    [InlineData("JWTSigningKey", "jwt signing key")]
    [InlineData("Jwt:Key", "jwt key")]
    [InlineData("DB_PASSWORD", "db password")]
    [InlineData("apiKey2", "api key 2")]
    [InlineData("x-api-key", "x api key")]
    public void NamesAreSplitIntoWords(string name, string expected)
        => Assert.Equal(expected, string.Join(' ', CredentialNames.SplitWords(name)));
}

using ReadinessAnalyzers.Internals.Secrets;

namespace ReadinessAnalyzers.Tests.Internals.Secrets;

public class SecretValuesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("changeme")]
    [InlineData("ChangeMe123")]
    [InlineData("<your-key>")]
    [InlineData("<secret>")]
    [InlineData("xxxx")]
    [InlineData("XXXXXXXXXXXXXXXX")]
    [InlineData("xxxx-xxxx-xxxx")]
    [InlineData("********")]
    [InlineData("${DB_PASSWORD}")]
    [InlineData("$DB_PASSWORD")]
    [InlineData("%DB_PASSWORD%")]
    [InlineData("{{ db_password }}")]
    [InlineData("$(DbPassword)")]
    [InlineData("#{DbPassword}#")]
    [InlineData("__DB_PASSWORD__")]
    [InlineData("your-api-key-here")]
    [InlineData("your_secret_here")]
    [InlineData("INSERT_YOUR_TOKEN")]
    [InlineData("example")]
    [InlineData("sample-token")]
    [InlineData("dummy")]
    [InlineData("fake_key")]
    [InlineData("test")]
    [InlineData("my-test-secret")]
    [InlineData("REDACTED")]
    [InlineData("[redacted]")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("aaaaaaaa")]
    [InlineData("password")]
    [InlineData("dev-secret-key-change-in-production")]
    [InlineData("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")]
    [InlineData("1234567890")]
    public void PlaceholdersAreRecognised(string value) => Assert.True(SecretValues.IsPlaceholder(value));

    [Theory]
    [InlineData("hunter2!Xq")]
    [InlineData("Tr0ub4dor&3")]
    [InlineData("8f14e45fceea167a5a36dedd4bea2543")]
    [InlineData("q8Zr2LkP0vWn4YtB")]
    [InlineData("AttestationKey")]
    public void RealLookingValuesAreNotPlaceholders(string value) => Assert.False(SecretValues.IsPlaceholder(value));

    [Fact]
    public void EntropyIsZeroForOneCharacterAndHighForRandomText()
    {
        Assert.Equal(0, SecretValues.ShannonEntropy("aaaaaaaa"));
        Assert.Equal(0, SecretValues.ShannonEntropy(""));
        Assert.Equal(1.0, SecretValues.ShannonEntropy("abababab"), 6);
        Assert.Equal(4.0, SecretValues.ShannonEntropy("0123456789abcdef"), 6);
        Assert.True(SecretValues.ShannonEntropy(SecretFormatSamples.Mixed(new Random(1), SecretFormatSamples.Base64, 64)) > 4.5);
    }

    [Theory]
    [InlineData("0d5a3c2e-7f4b-4a7e-9c1d-2b3e4f5a6b7c", true)]
    [InlineData("{0D5A3C2E-7F4B-4A7E-9C1D-2B3E4F5A6B7C}", true)]
    [InlineData("0d5a3c2e7f4b4a7e9c1d2b3e4f5a6b7c", false)]
    [InlineData("0d5a3c2e-7f4b-4a7e-9c1d-2b3e4f5a6b7", false)]
    [InlineData("zd5a3c2e-7f4b-4a7e-9c1d-2b3e4f5a6b7c", false)]
    public void UuidsAreRecognised(string value, bool expected) => Assert.Equal(expected, SecretValues.IsUuid(value));

    [Theory]
    [InlineData("A1B2C3D4E5F60718293A4B5C6D7E8F9012345678", 40, true)]
    [InlineData("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", 40, true)]
    [InlineData("A1B2C3D4E5F60718293A4B5C6D7E8F901234567", 40, false)]
    [InlineData("G1B2C3D4E5F60718293A4B5C6D7E8F9012345678", 40, false)]
    public void HexOfLengthIsRecognised(string value, int length, bool expected) => Assert.Equal(expected, SecretValues.IsHexOfLength(value, length));

    [Theory]
    [InlineData("Xk9#mP2$vL8qR4wZ")]
    [InlineData("P@ssw0rd!2024x")]
    [InlineData("Tr0ub4dor&3")]
    [InlineData("8f14e45fceea167a5a36dedd4bea2543")]
    [InlineData("q8Zr2LkP0vWn4YtBq8Zr2LkP0vWn4YtB")]
    [InlineData("dGhpcyBpcyBhIHNlY3JldCBrZXkgZm9yIGp3dA==")]
    [InlineData("https://deploy:Xk9mP2vL8qR4@ftp.contoso.com/")]
    public void SecretLookingValuesAreRecognised(string value) => Assert.True(SecretValues.LooksLikeSecret(value), value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short1!")]
    [InlineData("changeme")]
    [InlineData("<your-api-key>")]
    [InlineData("${JWT_SIGNING_KEY}")]
    [InlineData("0d5a3c2e-7f4b-4a7e-9c1d-2b3e4f5a6b7c")]
    [InlineData("/etc/secrets/signing-key.pem")]
    [InlineData("C:\\certs\\api.pfx")]
    [InlineData("./keys/private.key")]
    [InlineData("https://login.microsoftonline.com/common/v2.0")]
    [InlineData("https://vault.azure.net/secrets/db-password")]
    [InlineData("Password for {0} must contain {MinLength} characters")]
    [InlineData("{0}:{1}@{2}")]
    [InlineData("Please enter your password")]
    [InlineData("Invalid token")]
    [InlineData("Jwt:SigningKey")]
    [InlineData("MyCompany.Orders.Api")]
    [InlineData("orders-api-signing-key")]
    [InlineData("12345678901234")]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData("aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("administrator")]
    public void NonSecretValuesAreNotSecretLooking(string? value) => Assert.False(SecretValues.LooksLikeSecret(value), value);

    [Theory]
    [InlineData("/var/run/secrets/token", true)]
    [InlineData("certs/api.pfx", true)]
    [InlineData("Xk9#mP2$vL8qR4wZ", false)]
    public void FilePathsAreRecognised(string value, bool expected) => Assert.Equal(expected, SecretValues.IsFilePath(value));

    [Theory]
    [InlineData("https://api.contoso.com/orders", true)]
    [InlineData("https://user:pass1234@api.contoso.com/orders", false)]
    [InlineData("https://api.contoso.com/orders?sig=abc", false)]
    [InlineData("not a url", false)]
    public void UrlsWithoutCredentialsAreRecognised(string value, bool expected) => Assert.Equal(expected, SecretValues.IsUrlWithoutCredentials(value));

    [Theory]
    [InlineData("Hello {0}", true)]
    [InlineData("Order {OrderId} shipped", true)]
    [InlineData("{0:N2}", true)]
    [InlineData("Xk9#mP2$vL8qR4wZ", false)]
    [InlineData("{\"a\":1}", false)]
    public void FormatStringsAreRecognised(string value, bool expected) => Assert.Equal(expected, SecretValues.IsFormatString(value));

    [Theory]
    [InlineData("OrderConfirmationToken")]
    [InlineData("X-Tenant-Key")]
    [InlineData("stock_level7")]
    [InlineData(".Quiet.Harbor.Blue-Team")]
    [InlineData("invoices.read")]
    [InlineData("JwtSigningKey")]
    public void WordSequencesAreIdentifiers(string value) => Assert.True(SecretValues.IsIdentifierLike(value), value);

    [Theory]
    [InlineData("tK9vQ2mXr7Lp4sWz")]
    [InlineData("hQpXmWkzRt")]
    [InlineData("Xk29vLq7mPz!")]
    [InlineData("KaLoPeMiTuRa")]
    [InlineData("d9F2kLq81ZxV0aPw7TnB")]
    [InlineData("Warehouse")]
    public void RandomTextAndSingleWordsAreNotIdentifiers(string value) => Assert.False(SecretValues.IsIdentifierLike(value), value);

    [Theory]
    [InlineData("crop=640:-2:keep_ratio=shrink", true)]
    [InlineData("mode=fast,level=3", true)]
    [InlineData("Server=db;Password=Xk29vLq7", false)]
    [InlineData("Zk3mW8vN1qLx7Ty2", false)]
    public void OptionListsAreRecognised(string value, bool expected) => Assert.Equal(expected, SecretValues.IsOptionList(value));

    [Theory]
    [InlineData("Zk3mW8vN1qLx7Ty2", true)]
    [InlineData("P4ssw0rd-Smtp9", true)]
    [InlineData("warehouseName", false)]
    [InlineData("shipping-label", false)]
    [InlineData("Kestrel", false)]
    public void SecretShapeNeedsEntropyOrMixedClasses(string value, bool expected) => Assert.Equal(expected, SecretValues.IsSecretShaped(value));
}

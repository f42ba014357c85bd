using System.Text;
using CsCheck;

namespace Intelligence.Alerting.Tests;

public sealed class NoticeSignatureTests
{
    private const string Timestamp = "1764320400";
    private static readonly byte[] Body = """{"noticeId":"demand_spike:channel:amazon#1.0"}"""u8.ToArray();

    [Fact]
    public void The_signature_is_the_openssl_hmac_of_timestamp_dot_body()
    {
        // printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" -hex (the README's receiver check)
        Assert.Equal("sha256=f84850113252f3b1aad2babb57545311cc155ff7241327a21469765786ea3472",
            NoticeSignature.Sign(TestAlerting.SecretBytes, Timestamp, Body));
    }

    [Fact]
    public void A_signature_verifies_for_its_secret_timestamp_and_body_and_for_nothing_else()
    {
        Gen.Select(Gen.Byte.Array[16, 64], Gen.Long[0, 4_000_000_000], Gen.Byte.Array[0, 512], Gen.Int[0, 2])
            .Sample((secret, seconds, body, changed) =>
            {
                var timestamp = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var signature = NoticeSignature.Sign(secret, timestamp, body);
                var other = changed switch
                {
                    0 => (Secret: [.. secret, 1], Timestamp: timestamp, Body: body),
                    1 => (Secret: secret, Timestamp: (seconds + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Body: body),
                    _ => (Secret: secret, Timestamp: timestamp, Body: (byte[])[.. body, 0]),
                };
                return NoticeSignature.Verify(secret, timestamp, body, signature)
                    && !NoticeSignature.Verify(other.Secret, other.Timestamp, other.Body, signature);
            });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("f84850113252f3b1aad2babb57545311cc155ff7241327a21469765786ea3472")]
    [InlineData("sha1=f84850113252f3b1aad2babb57545311cc155ff7241327a21469765786ea3472")]
    [InlineData("sha256=f84850113252f3b1aad2babb57545311cc155ff7241327a21469765786ea347")]
    [InlineData("sha256=zz4850113252f3b1aad2babb57545311cc155ff7241327a21469765786ea3472")]
    public void A_malformed_signature_is_refused(string? signature) =>
        Assert.False(NoticeSignature.Verify(TestAlerting.SecretBytes, Timestamp, Body, signature));

    [Fact]
    public void A_timestamp_is_recent_within_the_tolerance_only()
    {
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(1_764_320_400);

        Assert.True(NoticeSignature.IsRecent(Timestamp, signedAt.AddMinutes(5), TimeSpan.FromMinutes(5)));
        Assert.False(NoticeSignature.IsRecent(Timestamp, signedAt.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(NoticeSignature.IsRecent("-1764320400", signedAt, TimeSpan.FromMinutes(5)));
        Assert.Equal(Encoding.UTF8.GetBytes(TestAlerting.Secret), TestAlerting.SecretBytes);
    }
}

using Intelligence.Embedded;
using Intelligence.Testing.ClickHouseHttp;

namespace Intelligence.Analytics.ClickHouse.Tests;

/// <summary>An https server whose certificate a private CA signed: trusted through CaCertificateFile only.</summary>
[Collection(ServerCollection.Name)]
public sealed class TlsTests(ChdbHttpServerFixture server)
{
    [Fact]
    public async Task A_server_signed_by_the_configured_CA_is_trusted_and_without_it_the_handshake_fails()
    {
        using var authority = new PrivateAuthority();
        using var certificate = authority.IssueForLoopback();
        await using var tls = await ChdbHttpServer.StartAsync(server.Engine, new ChdbHttpServerOptions { Certificate = certificate });
        var caFile = authority.WritePemFile();
        try
        {
            await using var trusting = ClickHouseServerStore.Connect(new ClickHouseOptions { Url = tls.Url.ToString(), CaCertificateFile = caFile });
            await using var systemTrust = ClickHouseServerStore.Connect(new ClickHouseOptions { Url = tls.Url.ToString() });

            Assert.Equal("https", tls.Url.Scheme);
            Assert.Equal("1", await ServerStores.ScalarAsync(trusting, "SELECT 1"));
            var error = await Assert.ThrowsAsync<AnalyticsException>(() => systemTrust.QueryAsync("SELECT 1"));
            Assert.Contains("TLS handshake failed", error.Message, StringComparison.Ordinal);
            Assert.False(StoreErrors.IsPermanent(error));
        }
        finally
        {
            File.Delete(caFile);
        }
    }
}

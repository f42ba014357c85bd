using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Intelligence.Analytics.ClickHouse;

/// <summary>
/// Trusts a server certificate that chains to one of the authorities in a PEM file, for a server
/// whose certificate comes from a private CA. The host name must still match: only an untrusted
/// chain is re-checked against the file, never a name mismatch.
/// </summary>
internal static class ServerCertificateTrust
{
    public static RemoteCertificateValidationCallback ChainingTo(string caCertificateFile)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(caCertificateFile);
        if (authorities.Count == 0)
        {
            throw new ArgumentException($"ClickHouse:CaCertificateFile '{caCertificateFile}' holds no PEM certificate.", nameof(caCertificateFile));
        }

        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            // A private CA seldom publishes revocation lists; the pinned file is the trust decision.
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
        };
    }
}

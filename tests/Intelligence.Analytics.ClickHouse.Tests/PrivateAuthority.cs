using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Intelligence.Analytics.ClickHouse.Tests;

/// <summary>A certificate authority of the test's own and a server certificate it signs for 127.0.0.1.</summary>
public sealed class PrivateAuthority : IDisposable
{
    private readonly RSA authorityKey = RSA.Create(2048);

    public PrivateAuthority()
    {
        var request = new CertificateRequest("CN=Intelligence test CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    public X509Certificate2 Authority { get; }

    /// <summary>The authority's certificate as PEM, in a file the caller deletes.</summary>
    public string WritePemFile()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, Authority.ExportCertificatePem());
        return file;
    }

    public X509Certificate2 IssueForLoopback()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(Authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);
        // Round-trip through PKCS#12 so the key is one TLS can use on every platform.
        return X509CertificateLoader.LoadPkcs12(issued.CopyWithPrivateKey(key).Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose()
    {
        Authority.Dispose();
        authorityKey.Dispose();
    }
}

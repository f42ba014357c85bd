using System.IO.Compression;

namespace Intelligence.Testing.ClickHouseHttp;

/// <summary>
/// Request and response body encodings. .NET decodes and encodes gzip, deflate (zlib, as HTTP means
/// it) and br; zstd, lz4 and snappy, which a server also speaks, are not built in, so a request body in
/// them is refused and a response falls back to the best encoding both sides have.
/// </summary>
internal static class ContentCodings
{
    // A server's own order of preference, less the codecs .NET cannot write.
    private static readonly string[] ResponsePreference = ["br", "gzip", "deflate"];

    /// <summary>The request body, decoded as its Content-Encoding says.</summary>
    public static async Task<byte[]> ReadBodyAsync(Stream body, string? contentEncoding, CancellationToken ct)
    {
        await using var decoded = (contentEncoding?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "identity" => body,
            "gzip" => new GZipStream(body, CompressionMode.Decompress, leaveOpen: true),
            "deflate" => new ZLibStream(body, CompressionMode.Decompress, leaveOpen: true),
            "br" => new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true),
            var other => throw new QueryRefusedException(
                UrlParameters.NotImplemented,
                $"the chDB HTTP fixture cannot decode Content-Encoding '{other}' (.NET has no codec for it): configure the client to send gzip"),
        };
        using var buffer = new MemoryStream();
        await decoded.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>The encoding to answer in: none unless the client enabled HTTP compression and accepts one we can write.</summary>
    public static string? ChooseResponseEncoding(bool httpCompression, string? acceptEncoding)
    {
        if (!httpCompression || string.IsNullOrWhiteSpace(acceptEncoding))
        {
            return null;
        }

        var accepted = acceptEncoding.Split(',').Select(token => token.Split(';')[0].Trim().ToLowerInvariant()).ToHashSet();
        return ResponsePreference.FirstOrDefault(accepted.Contains);
    }

    public static byte[] Encode(byte[] body, string? encoding)
    {
        if (encoding is null)
        {
            return body;
        }

        using var buffer = new MemoryStream();
        using (var encoder = Encoder(buffer, encoding))
        {
            encoder.Write(body);
        }

        return buffer.ToArray();
    }

    private static Stream Encoder(Stream target, string encoding) => encoding switch
    {
        "gzip" => new GZipStream(target, CompressionLevel.Fastest, leaveOpen: true),
        "deflate" => new ZLibStream(target, CompressionLevel.Fastest, leaveOpen: true),
        "br" => new BrotliStream(target, CompressionLevel.Fastest, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "not an encoding the fixture writes"),
    };
}

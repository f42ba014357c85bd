using System.Globalization;

namespace Intelligence.Alerting;

/// <summary>The headers a webhook notice carries besides its JSON body.</summary>
public static class NoticeHeaders
{
    /// <summary>The notice's id, what receivers deduplicate on (also <c>noticeId</c> in the body).</summary>
    public const string NoticeId = "X-Intelligence-Notice-Id";

    /// <summary>When the request was signed, in unix seconds.</summary>
    public const string Timestamp = "X-Intelligence-Timestamp";

    /// <summary><c>sha256=</c> and the HMAC of <c>timestamp.body</c>; see <see cref="NoticeSignature"/>.</summary>
    public const string Signature = "X-Intelligence-Signature";

    public static string TimestampOf(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The id as a header value: ids outside printable ASCII are percent-encoded (the body keeps them exact).</summary>
    public static string NoticeIdValue(string noticeId) =>
        noticeId.All(c => c is >= ' ' and <= '~') ? noticeId : Uri.EscapeDataString(noticeId);
}

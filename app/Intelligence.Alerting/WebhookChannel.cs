using System.Net.Http.Headers;
using System.Text;
using Intelligence.Processors.Alerts;

namespace Intelligence.Alerting;

/// <summary>
/// POSTs a notice as signed JSON to a route's Url: one attempt per call, bounded by the request
/// timeout. Connection errors and timeouts are transient; the answer is judged by <see cref="WebhookAnswer"/>.
/// </summary>
internal sealed class WebhookChannel(AlertRoute route, byte[] secret, HttpClient http, TimeSpan timeout, TimeProvider time)
    : IAlertChannel
{
    private const int MostOfAnswerRead = 1024;
    private const int MostOfAnswerShown = 200;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly Uri _url = new(route.Url!);

    /// <summary>Scheme, host and port only: a webhook's path or query may itself be a secret.</summary>
    public string Receiver => _url.GetLeftPart(UriPartial.Authority);

    public async Task<DeliveryAttempt> SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var body = NoticePayload.Of(notice, now).ToUtf8Json();
        var timestamp = NoticeHeaders.TimestampOf(now);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(NoticeHeaders.NoticeId, NoticeHeaders.NoticeIdValue(notice.NoticeId));
        request.Headers.Add(NoticeHeaders.Timestamp, timestamp);
        request.Headers.Add(NoticeHeaders.Signature, NoticeSignature.Sign(secret, timestamp, body));

        using var deadline = new CancellationTokenSource(timeout, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var said = response.IsSuccessStatusCode ? "" : await FirstWordsAsync(response, attempt.Token);
            return WebhookAnswer.Judge(response, time.GetUtcNow(), said);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryAttempt.Transient($"no answer from {Receiver} within {timeout}",
                "the receiver is slow or hung; check it, or raise Alerting:Timeout if it is just slow");
        }
        catch (HttpRequestException e)
        {
            return DeliveryAttempt.Transient($"could not reach {Receiver}: {e.Message}",
                "check that the receiver is running and reachable from here");
        }
    }

    /// <summary>The start of a refusal's body: receivers often say there what is wrong.</summary>
    private static async Task<string> FirstWordsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var start = new byte[MostOfAnswerRead];
            var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
            var text = Encoding.UTF8.GetString(start, 0, read).ReplaceLineEndings(" ").Trim();
            return text.Length <= MostOfAnswerShown ? text : text[..MostOfAnswerShown] + "…";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            return "";
        }
    }
}

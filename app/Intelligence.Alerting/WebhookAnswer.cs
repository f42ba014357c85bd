using System.Net;

namespace Intelligence.Alerting;

/// <summary>What a receiver's HTTP answer means for a notice, and what an operator should do about a refusal.</summary>
internal static class WebhookAnswer
{
    public static DeliveryAttempt Judge(HttpResponseMessage response, DateTimeOffset now, string said)
    {
        var code = (int)response.StatusCode;
        var problem = $"answered {code} {response.ReasonPhrase}{(said.Length > 0 ? $" ({said})" : "")}";
        if (response.IsSuccessStatusCode)
        {
            return DeliveryAttempt.Delivered;
        }

        if (code is 408 or 429 or >= 500)
        {
            var advice = code == 429
                ? "the receiver limits its rate; raise its limit or route fewer notices to it"
                : "the receiver is failing or overloaded; check its logs";
            return DeliveryAttempt.Transient(problem, advice, RetryAfter(response, now));
        }

        return DeliveryAttempt.Rejected(problem, AdviceFor(response.StatusCode));
    }

    /// <summary>The receiver's <c>Retry-After</c>, as seconds or as a date; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };

    private static string AdviceFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            "check the receiver's secret (it must equal the route's SecretVariable or SecretFile) and that its clock is right",
        HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.MethodNotAllowed =>
            "check the route's Url: the receiver has no webhook there",
        >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest =>
            "the receiver redirects; set the route's Url to the address it redirects to",
        HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.UnprocessableEntity
            or HttpStatusCode.RequestEntityTooLarge =>
            $"the receiver refused the payload; check that it reads schema {NoticePayload.CurrentSchema}",
        _ => "the receiver refused the notice; check its logs",
    };
}

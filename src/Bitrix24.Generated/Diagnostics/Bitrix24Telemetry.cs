using System.Diagnostics;

namespace Bitrix24;

/// <summary>
/// Tracing: <see cref="ActivitySource"/> <c>Bitrix24.Generated</c>. Each call is an internal span named
/// after the REST method, and each HTTP attempt a client span under it tagged as OpenTelemetry's HTTP
/// client conventions say (<c>http.request.method</c>, <c>server.address</c>, <c>server.port</c>,
/// <c>http.response.status_code</c>, <c>http.request.resend_count</c>, <c>error.type</c>), plus
/// <c>bitrix24.method</c> and <c>bitrix24.error_code</c>. No URL is recorded: its path holds the webhook code.
/// </summary>
public static class Bitrix24Telemetry
{
    /// <summary>The name to listen to: <c>Bitrix24.Generated</c> (e.g. <c>AddSource("Bitrix24.Generated")</c>).</summary>
    public const string SourceName = "Bitrix24.Generated";

    internal static readonly ActivitySource Source = new(SourceName, typeof(Bitrix24Telemetry).Assembly.GetName().Version?.ToString(3));

    internal static Activity? StartCall(string method)
    {
        Activity? activity = Source.StartActivity(method, ActivityKind.Internal);
        activity?.SetTag("bitrix24.method", method);
        return activity;
    }

    internal static Activity? StartAttempt(string method, Uri portal, int resendCount)
    {
        Activity? activity = Source.StartActivity("POST", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", "POST");
            activity.SetTag("server.address", portal.Host);
            activity.SetTag("server.port", portal.Port);
            activity.SetTag("bitrix24.method", method);
            if (resendCount > 0)
            {
                activity.SetTag("http.request.resend_count", resendCount);
            }
        }

        return activity;
    }

    internal static void Succeeded(Activity? activity, int statusCode) =>
        activity?.SetTag("http.response.status_code", statusCode);

    internal static void Failed(Activity? activity, Bitrix24Exception failure)
    {
        if (activity is null)
        {
            return;
        }

        switch (failure)
        {
            case Bitrix24ApiException api:
                activity.SetTag("http.response.status_code", api.StatusCode);
                activity.SetTag("bitrix24.error_code", api.Code);
                activity.SetTag("error.type", api.Code);
                break;
            case Bitrix24TransportException transport:
                if (transport.StatusCode is int status)
                {
                    activity.SetTag("http.response.status_code", status);
                }

                activity.SetTag("error.type", transport.Failure.ToString());
                break;
        }

        activity.SetStatus(ActivityStatusCode.Error, failure is Bitrix24ApiException e ? e.Code : failure.GetType().Name);
    }
}

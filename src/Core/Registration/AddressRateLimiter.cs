using CustomerFunctions.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CustomerFunctions.Core.Registration;

/// <summary>
/// Registration attempts per client address: a one-hour fixed window counted in storage (<see cref="RateCounters"/>,
/// keyed by a hash of the address), so every instance of a scaled-out app shares one count.
/// </summary>
public sealed class AddressRateLimiter(RateCounters counters, TimeProvider time, IConfiguration configuration)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const string Purpose = "client";
    private const string Counter = "registrations";
    private readonly RegistrationOptions options = RegistrationOptions.From(configuration);

    /// <summary>The address a request counts against: the trusted front end's header when configured, else the connection's.</summary>
    public string ClientAddress(HttpContext context)
    {
        if (!string.IsNullOrEmpty(options.ClientAddressHeader))
        {
            var forwarded = context.Request.Headers[options.ClientAddressHeader].ToString();
            var last = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (!string.IsNullOrEmpty(last))
            {
                return last;
            }
        }
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>Counts an attempt. Returns null when allowed, else how long until the address may try again.</summary>
    public Task<TimeSpan?> TryAcquireAsync(string address, CancellationToken cancellationToken) =>
        counters.TryTakeAsync(RateCounters.HashedKey(Purpose, address), Counter, options.PerAddressPerHour, Window, time.GetUtcNow(), cancellationToken);
}

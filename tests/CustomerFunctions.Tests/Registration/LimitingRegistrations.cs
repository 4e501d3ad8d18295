using CustomerFunctions.Tests.Infrastructure;
using static CustomerFunctions.Tests.Registration.RegistrationSteps;

namespace CustomerFunctions.Tests.Registration;

/// <summary>Three attempts per address and hour, so the per-address limit shows.</summary>
public sealed class TightAddressLimitFixture : ServiceFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings() => [("Registration:PerAddressPerHour", "3")];
}

public sealed class LimitingRegistrationsPerAddress(TightAddressLimitFixture f) : IClassFixture<TightAddressLimitFixture>
{
    [Fact]
    public async Task TheFourthAttemptFromOneAddressWithinAnHour_Is429WithRetryAfter()
    {
        await Configure(f, TestUser.Operator(), "open");
        for (var i = 0; i < 3; i++)
        {
            (await Register(f, Ids.Account("ip"), Email())).Is(202);
        }
        var limited = (await Register(f, Ids.Account("ip"), Email())).IsProblem(429, "too-many-requests");
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);

        f.Time.Advance(TimeSpan.FromHours(1));
        (await Register(f, Ids.Account("ip"), Email())).Is(202);
    }
}

public sealed class LimitingRegistrationEmails(RegistrationFixture f) : IClassFixture<RegistrationFixture>
{
    [Fact]
    public async Task TheFourthRegistrationForOneEmailWithinAnHour_SendsNoFourthEmail()
    {
        await Configure(f, TestUser.Operator(), "open");
        var email = Email("cap");
        for (var i = 0; i < 3; i++)
        {
            (await Register(f, Ids.Account("cap"), email)).Is(202);
        }
        await f.Mail.WaitFor(email, 3);
        var limited = (await Register(f, Ids.Account("cap"), email)).IsProblem(429, "too-many-requests");
        Assert.True(limited.Headers.Contains("Retry-After"));
        await Task.Delay(1000);
        Assert.Equal(3, f.Mail.To(email).Count);

        // Another address is not affected, and an hour later this one gets email again.
        (await Register(f, Ids.Account("cap"), Email("other"))).Is(202);
        f.Time.Advance(TimeSpan.FromMinutes(61));
        (await Register(f, Ids.Account("cap"), email)).Is(202);
        await f.Mail.WaitFor(email, 4);
    }

    [Fact]
    public async Task ParallelRegistrationsForOneEmail_SendAtMostThreeEmails()
    {
        await Configure(f, TestUser.Operator(), "open");
        var email = Email("burst");
        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Register(f, Ids.Account("burst"), email)));
        Assert.Equal(3, replies.Count(r => r.Status == 202));
        Assert.Equal(9, replies.Count(r => r.Status == 429));
        await f.Mail.WaitFor(email, 3);
        await Task.Delay(1000);
        Assert.Equal(3, f.Mail.To(email).Count);
    }
}

/// <summary>Behind a trusted front end that appends the client's address to X-Forwarded-For.</summary>
public sealed class ForwardedAddressFixture : ServiceFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings() =>
        [("Registration:PerAddressPerHour", "2"), ("Registration:ClientAddressHeader", "X-Forwarded-For")];
}

public sealed class LimitingRegistrationsBehindAFrontEnd(ForwardedAddressFixture f) : IClassFixture<ForwardedAddressFixture>
{
    private Task<Reply> RegisterFrom(string forwardedFor) =>
        f.Anonymous.Post("/api/registrations", new { companyName = "C", id = Ids.Account("fwd"), email = Email(), fullName = "F" }, new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor });

    [Fact]
    public async Task EachClientAddressIsCountedOnItsOwn_AndOnlyTheFrontEndsEntryCounts()
    {
        await Configure(f, TestUser.Operator(), "open");
        (await RegisterFrom("203.0.113.1")).Is(202);
        (await RegisterFrom("203.0.113.1")).Is(202);
        (await RegisterFrom("203.0.113.1")).IsProblem(429);
        (await RegisterFrom("198.51.100.7, 203.0.113.1")).IsProblem(429);
        (await RegisterFrom("203.0.113.2")).Is(202);
    }
}

using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Tests.Deletion;

/// <summary>
/// The server with its queue pumps asleep after their first poll (the tests hand emails to the real email handler
/// themselves, so messages can be left waiting in the queue or moved to the poison queue as the host would) and its
/// timers out of reach (the test runs the deletion sweep; the registration purge never tidies up behind its back).
/// </summary>
public sealed class ErasureFixture : ServiceFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings() =>
    [
        ("Queues:PollInterval", "01:00:00"),
        ("Timers:DeletionSweep", "0 0 0 1 1 *"),
        ("Timers:RegistrationPurge", "0 0 0 1 1 *"),
        ("Registration:PerAddressPerHour", "1000"),
    ];

    public DeletionSweep Sweep => Services.GetRequiredService<DeletionSweep>();

    public EmailDesk Emails => new(this);
}

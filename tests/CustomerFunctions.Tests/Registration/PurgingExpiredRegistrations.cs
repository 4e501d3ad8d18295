using Azure.Data.Tables;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CustomerFunctions.Tests.Registration.RegistrationSteps;

namespace CustomerFunctions.Tests.Registration;

/// <summary>Unconfirmed registrations hold a name and an email: the purge timer removes them once expired, and spent send slots.</summary>
public sealed class PurgingExpiredRegistrations(RegistrationFixture f) : IClassFixture<RegistrationFixture>
{
    private readonly TestUser op = TestUser.Operator();

    private TableClient Registrations => f.StorageClients.TableService.GetTableClient(RegistrationStore.TableName);

    private async Task<bool> Exists(string partitionKey, string rowKey) =>
        (await Registrations.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey)).HasValue;

    private static string Slot(string email) => EmailSlotRow.Partition(email);

    [Fact]
    public async Task ExpiredRegistrationsAndSpentSlotsGo_LiveOnesStayAndStillWork()
    {
        await Configure(f, op, "open");
        var (oldEmail, freshEmail, latestEmail) = (Email("old"), Email("fresh"), Email("latest"));
        var oldToken = await RegisterAndReadToken(f, Ids.Account("old"), oldEmail);
        Assert.True(await Exists(PendingRegistrationRow.Partition(IdGenerator.Hash(oldToken)), ""));
        f.Time.Advance(TimeSpan.FromHours(23));
        var freshToken = await RegisterAndReadToken(f, Ids.Account("fresh"), freshEmail);
        f.Time.Advance(TimeSpan.FromHours(2));
        var latestToken = await RegisterAndReadToken(f, Ids.Account("latest"), latestEmail);

        // The timer may already have run on the moved clock; running it again must find the same end state.
        await f.Services.GetRequiredService<RegistrationPurge>().RunAsync();

        Assert.False(await Exists(PendingRegistrationRow.Partition(IdGenerator.Hash(oldToken)), ""));
        Assert.True(await Exists(PendingRegistrationRow.Partition(IdGenerator.Hash(freshToken)), ""));
        Assert.True(await Exists(PendingRegistrationRow.Partition(IdGenerator.Hash(latestToken)), ""));
        Assert.False(await Exists(Slot(oldEmail), "slot-1"));
        Assert.False(await Exists(Slot(freshEmail), "slot-1"));
        Assert.True(await Exists(Slot(latestEmail), "slot-1"));

        (await Confirm(f, TestUser.New("old"), oldToken)).IsProblem(410, "registration-token-invalid");
        (await Confirm(f, TestUser.New("fresh"), freshToken)).Is(201);
        Assert.Equal(0, await f.Services.GetRequiredService<RegistrationPurge>().RunAsync());
    }
}

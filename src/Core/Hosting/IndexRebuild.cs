using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Hosting;

/// <summary>
/// Rebuilds every derived index partition from the account partitions, as DESIGN.md promises: the listings (all
/// accounts, each partner's customers), users' memberships and inboxes, token pointers of open invitations and links,
/// and the due deletions. It runs, per account, the same convergent effects the commands record, so a rebuild over a
/// live index changes nothing and one over a lost index writes it anew. It walks the accounts in id order and reports
/// each one done, so an interrupted run resumes after the last reported id. Operator tooling: it reads every profile,
/// which no request or timer does.
/// </summary>
public sealed class IndexRebuild(StorageClients storage, AccountStore accounts, IServiceProvider services)
{
    /// <summary>Rebuilds the accounts whose id sorts after <paramref name="after"/> ("" for all); returns how many.</summary>
    public async Task<int> RunAsync(string after, Action<string>? accountDone, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {AccountRow.Key} and PartitionKey gt {after}");
        var count = 0;
        await foreach (var profile in storage.Accounts.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            await RebuildAccountAsync(profile.PartitionKey, cancellationToken);
            count++;
            accountDone?.Invoke(profile.PartitionKey);
        }
        return count;
    }

    public async Task RebuildAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        if ((await accounts.ReadAccountAsync(accountId, cancellationToken))?.Account is not { } account)
        {
            return;
        }
        var effects = new List<SideEffect> { new SyncAccountListing(), new SyncAllMemberships() };
        if (account is { Status: AccountStatus.DeletionRequested, DeletionDueAt: { } dueAt })
        {
            effects.Add(new ScheduleDeletion(dueAt));
        }
        if (!account.IsDeleted)
        {
            await foreach (var invitation in accounts.QueryAsync(accountId, AccountPartition.Invitations, cancellationToken: cancellationToken))
            {
                if (invitation.Value.IsOpen)
                {
                    effects.Add(InvitationTokens.Point(invitation.Value.TokenHash, invitation.Value.Id));
                }
            }
            await foreach (var link in accounts.QueryAsync(accountId, AccountPartition.InvitationLinks, cancellationToken: cancellationToken))
            {
                if (link.Value.RevokedAt is null)
                {
                    effects.Add(new IndexToken(InvitationLink.TokenPurpose, link.Value.TokenHash, AccountPartition.InvitationLinks.Key(InvitationLinkRow.Id(link.Value.Id))));
                }
            }
        }
        await foreach (var message in accounts.QueryAsync(accountId, AccountPartition.Messages, cancellationToken: cancellationToken))
        {
            effects.Add(new SyncMessageInbox(message.Value.Id));
        }
        foreach (var effect in effects)
        {
            await effect.RunAsync(accountId, services, cancellationToken);
        }
    }
}

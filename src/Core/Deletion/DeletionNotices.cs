using System.Globalization;
using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Deletion;

/// <summary>
/// Prepares the emails about a deletion request's status changes: one to each admin of the account (in its language) and
/// one to each admin of its partner (in the partner's language). Recipients are read when the command runs, so the
/// deletion email still reaches the admins whose data the erasure then removes.
/// </summary>
public sealed class DeletionNotices(StorageClients storage, IdGenerator ids)
{
    public async Task<List<SendEmail>> PrepareAsync(Account account, string template, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var recipients = new List<(Member Admin, string Language)>();
        foreach (var admin in await AdminsAsync(account.Id, Member.AdminRoleFor(account.Kind), cancellationToken))
        {
            recipients.Add((admin, account.Language));
        }
        if (account.PartnerId is { } partnerId)
        {
            var partner = await storage.Accounts.GetEntityIfExistsAsync<TableEntity>(partnerId, Keys.Profile, cancellationToken: cancellationToken);
            var language = partner.HasValue ? AccountPartition.Profile.FromEntity(partner.Value!).Language : "en";
            foreach (var admin in await AdminsAsync(partnerId, MemberRole.PartnerAdmin, cancellationToken))
            {
                recipients.Add((admin, language));
            }
        }
        var emails = new List<SendEmail>();
        foreach (var (admin, language) in recipients.DistinctBy(r => r.Admin.Email, StringComparer.OrdinalIgnoreCase))
        {
            var personal = new Dictionary<string, string>(values)
            {
                ["recipientName"] = admin.Name ?? admin.Email!,
                ["accountName"] = account.Name,
                ["accountId"] = account.Id,
            };
            emails.Add(new SendEmail(new EmailMessage(ids.New(), template, language, admin.Email!, admin.Name, personal) { AccountId = account.Id }));
        }
        return emails;
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private async Task<List<Member>> AdminsAsync(string accountId, MemberRole role, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {accountId} and RowKey ge {MemberRow.Prefix} and RowKey lt {Keys.PrefixEnd(MemberRow.Prefix)} and Role eq {role.ToString()}");
        var admins = new List<Member>();
        await foreach (var row in storage.Accounts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var member = AccountPartition.Members.FromEntity(row);
            if (!string.IsNullOrEmpty(member.Email))
            {
                admins.Add(member);
            }
        }
        return admins;
    }
}

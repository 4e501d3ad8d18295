using Azure.Data.Tables;
using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Members;

/// <summary>
/// An account never loses its last admin. The count is read inside the command, and the command commits against the
/// profile ETag, so two parallel demotions or removals cannot both see "another admin is left".
/// </summary>
public static class AdminRule
{
    public static async Task EnsureAnotherAdminRemainsAsync(AccountSession session, Member leaving, CancellationToken cancellationToken)
    {
        if (!leaving.IsAdmin)
        {
            return;
        }
        var adminRole = Member.AdminRoleFor(session.Existing.Kind).ToString();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {session.AccountId} and RowKey ge {Member.Prefix} and RowKey lt {Keys.PrefixEnd(Member.Prefix)} and Role eq {adminRole}");
        var others = 0;
        await foreach (var row in session.Table.QueryAsync<TableEntity>(filter, select: ["UserId"], cancellationToken: cancellationToken))
        {
            if (row.GetString("UserId") != leaving.UserId)
            {
                others++;
                break;
            }
        }
        if (others == 0)
        {
            throw new ApiErrorException(ApiError.Conflict("last-admin", "This is the account's last admin: make another member an admin first."));
        }
    }
}

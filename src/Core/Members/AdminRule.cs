using CustomerFunctions.Core.Accounts;

namespace CustomerFunctions.Core.Members;

/// <summary>
/// An account never loses its last admin. The count is read inside the command, and the command commits against the
/// profile ETag, so two parallel demotions or removals cannot both see "another admin is left".
/// </summary>
public static class AdminRule
{
    /// <summary>Null when <paramref name="leaving"/> may stop being an admin; <see cref="LastAdmin"/> when nobody else is one.</summary>
    public static async Task<LastAdmin?> AnotherAdminRemainsAsync(AccountSession session, Member leaving)
    {
        if (!leaving.IsAdmin)
        {
            return null;
        }
        var adminRole = Member.AdminRoleFor(session.Existing.Kind).ToString();
        await foreach (var admin in session.QueryAsync(AccountPartition.Members, where: $"Role eq {adminRole}", select: ["UserId"]))
        {
            if (admin.Value.UserId != leaving.UserId)
            {
                return null;
            }
        }
        return new LastAdmin();
    }
}

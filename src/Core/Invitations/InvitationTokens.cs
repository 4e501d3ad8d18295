using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Invitations;

/// <summary>
/// The index pointer <c>token|invitation|{hash}</c> from a token's hash to the invitation row holding it. The row is the
/// truth: a pointer left behind by a resend or a lost removal leads to a row that no longer admits the hash.
/// </summary>
public static class InvitationTokens
{
    /// <summary>Points the hash at the invitation (after the command that issued the token commits).</summary>
    public static IndexToken Point(string hash, string invitationId) => new(Invitation.TokenPurpose, hash, AccountPartition.Invitations.Key(invitationId));

    /// <summary>Forgets a hash that no longer works.</summary>
    public static RemoveToken Remove(string hash) => new(Invitation.TokenPurpose, hash);

    /// <summary>The account and invitation the hash points at; null when nothing (or something that is no invitation) is indexed.</summary>
    public static async Task<(string AccountId, string InvitationId)?> FindAsync(IndexTable index, string hash, CancellationToken cancellationToken)
    {
        var target = await index.ResolveAsync(IndexTable.Token(Invitation.TokenPurpose, hash), cancellationToken);
        return target is { } pointer && AccountPartition.Invitations.Owns(pointer.RowKey) && Keys.IsIdentifier(pointer.AccountId)
            ? (pointer.AccountId, pointer.RowKey[InvitationRow.Prefix.Length..])
            : null;
    }
}

using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>The partner accounts the index lists a user as a member of (the user's partition, written by the membership sync).</summary>
public sealed class PartnerMembershipIndex(IndexTable index)
{
    /// <summary>Derived data: a caller confirms each membership at its source before trusting it.</summary>
    public async IAsyncEnumerable<string> PartnerIdsAsync(string userId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexTable.UserMemberships(userId)} and Removed eq false and Kind eq {nameof(AccountKind.Partner)}");
        await foreach (var row in index.Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return row.RowKey;
        }
    }
}

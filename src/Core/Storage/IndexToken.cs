namespace CustomerFunctions.Core.Storage;

/// <summary>Point a token hash at the row it belongs to (verified against that row on use).</summary>
public sealed record IndexToken(string Purpose, string TokenHash, string RowKey) : SideEffect<IndexTable>
{
    public override Task RunAsync(string accountId, IndexTable index, CancellationToken cancellationToken) =>
        index.PointAsync(IndexTable.Token(Purpose, TokenHash), accountId, RowKey, cancellationToken);
}

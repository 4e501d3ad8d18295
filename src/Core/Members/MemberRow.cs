using Azure.Data.Tables;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Members;

/// <summary>Row <c>member|{encoded user id}</c> of the account partition.</summary>
public sealed class MemberRow : RowMapper<Member>
{
    public const string Prefix = "member|";

    /// <summary>The key part of a user's member row: user ids come from tokens and may hold characters keys forbid.</summary>
    public static string Id(string userId) => KeyEncoding.Encode(userId);

    public override TableEntity ToEntity(string partitionKey, Member value) => new(partitionKey, Prefix + Id(value.UserId))
    {
        ["UserId"] = value.UserId,
        ["Email"] = value.Email,
        ["Name"] = value.Name,
        ["Role"] = value.Role.ToString(),
        ["AddedAt"] = value.AddedAt,
        ["Language"] = value.Language,
    };

    public override Member FromEntity(TableEntity entity) => new(
        entity.GetString("UserId") ?? "", entity.GetString("Email"), entity.GetString("Name"),
        Enum.Parse<MemberRole>(entity.GetString("Role") ?? nameof(MemberRole.CustomerEmployee)), entity.GetDateTimeOffset("AddedAt") ?? DateTimeOffset.MinValue)
    {
        Language = entity.GetString("Language"),
    };
}

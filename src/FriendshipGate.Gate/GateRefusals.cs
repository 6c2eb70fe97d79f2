using FriendshipGate.Clearance;

namespace FriendshipGate.Gate;

/// <summary>The gate's refusals, in Vietnamese, Chinese and English (answered as problem details naming the field).</summary>
internal static class GateRefusals
{
    public static Refusal Conflict(string field, string en, string vi, string zh) => new(Refusal.Conflict, field, en, vi, zh);

    public static Refusal NotFound(string field, string en, string vi, string zh) => new(Refusal.NotFound, field, en, vi, zh);

    public static Refusal Forbidden(string field, string en, string vi, string zh) => new(Refusal.Forbidden, field, en, vi, zh);

    public static Refusal NoBooking(string id) =>
        NotFound("id", $"there is no booking {id}.", $"không có lịch hẹn {id}.", $"没有预约{id}。");

    public static Refusal NoVisit(string id) =>
        NotFound("id", $"there is no truck visit {id}.", $"không có lượt xe {id}.", $"没有车辆到场记录{id}。");

    public static Refusal Role(string role, string what) =>
        Forbidden("role", $"a {role} cannot {what}.", $"vai trò {role} không thể thực hiện việc này ({what}).", $"{role}角色无权执行此操作（{what}）。");
}

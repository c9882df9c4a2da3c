"""The enums of notestore. Each member is also its value as a string, so
``task.status == "open"`` holds and the values go straight into a DataFrame."""

import enum


class TaskStatus(str, enum.Enum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"
    IN_PROGRESS = "in_progress"

    def __str__(self) -> str:
        return self.value


class Priority(str, enum.Enum):
    """Task priority; compare with ``rank`` (lowest 0 ... highest 4)."""

    LOWEST = "lowest"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    HIGHEST = "highest"

    @property
    def rank(self) -> int:
        return ["lowest", "low", "medium", "high", "highest"].index(self.value)

    def __str__(self) -> str:
        return self.value


class SearchKind(str, enum.Enum):
    NOTE = "note"
    TASK = "task"
    DECISION = "decision"

    def __str__(self) -> str:
        return self.value


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value

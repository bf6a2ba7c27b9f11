export interface Model { id: string }

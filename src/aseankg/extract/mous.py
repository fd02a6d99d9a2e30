def find_meetings(*a): pass
def find_mous(*a): pass
def find_funding(*a): pass
def find_proposals(*a): pass
